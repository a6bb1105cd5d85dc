import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { useCommunity } from '../../services/community'
import { COMMUNITY_RULES_PAGE } from '../../services/routes'
import './index.css'

/** The community's card at the top of the feed: logo, name, one-line intro, and 群规 when the owner wrote some. Nothing until the settings are in. */
export default function CommunityHeader() {
  const { data } = useCommunity()
  if (!data) return null
  return (
    <View className='community-header'>
      {data.logoUrl ? (
        <Image className='community-header-logo' src={data.logoUrl} mode='aspectFill' />
      ) : (
        <View className='community-header-logo community-header-initial'>{Array.from(data.name)[0] ?? '社'}</View>
      )}
      <View className='community-header-text fill-col'>
        <Text className='community-header-name text-title'>{data.name}</Text>
        {data.intro ? <Text className='community-header-intro text-note ellipsis'>{data.intro}</Text> : null}
      </View>
      {data.rules ? (
        <View
          className='community-header-rules text-small'
          onClick={() => {
            void Taro.navigateTo({ url: COMMUNITY_RULES_PAGE })
          }}>
          群规 ›
        </View>
      ) : null}
    </View>
  )
}
