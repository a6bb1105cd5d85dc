import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import Avatar from '../../../components/avatar'
import Tag from '../../../components/tag'
import { postUrl } from '../../../services/routes'
import { formatChineseDate } from '../../../utils/format'
import type { PostView } from '../../../../types/posts'

/** One post in the circle's content list: whole to members, locked (teaser and what unlocks it) to others. */
export default function PostCard({ post }: { post: PostView }) {
  const open = () => {
    void Taro.navigateTo({ url: postUrl(post.id) })
  }
  return (
    <View className={`post-card ${post.locked ? 'post-card-locked' : ''}`} onClick={open}>
      <View className='post-card-head row'>
        <Avatar url={post.author.avatarUrl} nickname={post.author.nickname} size={64} />
        <View className='post-card-who fill-col'>
          <View className='post-card-name-row row'>
            <Text className='post-card-name text-name'>{post.author.nickname}</Text>
            {post.authorLabel ? <Tag tone={post.authorLabel === '嘉宾' ? 'purple' : 'green'}>{post.authorLabel}</Tag> : null}
          </View>
          <Text className='post-card-time text-faint'>{formatChineseDate(post.createdAt)}</Text>
        </View>
        {post.featured ? <Tag tone='gold'>精华</Tag> : null}
      </View>
      {post.title ? <Text className='post-card-title text-title'>{post.title}</Text> : null}
      {post.locked ? (
        <View className='post-card-lock'>
          {!post.title ? <Text className='post-card-teaser text-prose'>{post.teaser}</Text> : null}
          <View className='post-card-lock-box row'>
            <Text className='post-card-lock-icon'>🔒</Text>
            <Text className='post-card-lock-label'>{post.locked.label}</Text>
          </View>
          {post.photoCount + post.fileCount > 0 ? (
            <Text className='post-card-counts text-meta'>
              {post.photoCount > 0 ? `${post.photoCount} 张图片 ` : ''}
              {post.fileCount > 0 ? `${post.fileCount} 个文件` : ''}
            </Text>
          ) : null}
        </View>
      ) : (
        <View>
          {post.text ? (
            <Text className='post-card-text' numberOfLines={4}>
              {post.text}
            </Text>
          ) : null}
          {post.photos.length > 0 ? (
            <View className='post-card-photos row'>
              {post.photos.slice(0, 3).map((p) => (
                <Image key={p.fileId} className='post-card-photo' src={p.url} mode='aspectFill' />
              ))}
              {post.photos.length > 3 ? <Text className='post-card-more text-meta'>+{post.photos.length - 3}</Text> : null}
            </View>
          ) : null}
          {post.files.map((f) => (
            <View key={f.fileId} className='post-card-file row'>
              <Text className='post-card-file-badge'>PDF</Text>
              <Text className='post-card-file-name text-value ellipsis'>{f.name}</Text>
            </View>
          ))}
          {post.link ? <Text className='post-card-link'>🔗 {post.link.title}</Text> : null}
        </View>
      )}
      <View className='post-card-foot row'>
        {post.topics.map((t) => (
          <Text key={t} className='post-card-topic'>
            #{t}
          </Text>
        ))}
        <View className='post-card-stats text-meta'>
          <Text>赞 {post.likeCount}</Text>
          <Text>评论 {post.commentCount}</Text>
        </View>
      </View>
    </View>
  )
}
