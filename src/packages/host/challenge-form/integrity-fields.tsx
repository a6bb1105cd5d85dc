import { View, Text, Switch } from '@tarojs/components'
import { TextInput } from '../../../components/text-input'
import FormField from '../../../components/form-field'
import FormSection from '../../../components/form-field/form-section'
import { colors } from '../../../styles/tokens'
import { currentPosition } from '../../../services/location'
import { showError } from '../../../services/show-error'
import { BoxInput, NumberInput } from './fields'
import type { FieldErrors, FormState } from './form-state'
import './integrity-fields.css'

const COORDS = [
  { field: 'placeLat', label: '纬度' },
  { field: 'placeLng', label: '经度' }
] as const

/** 打卡地点 (a check-in counts only within the radius of a place) and 主理人点评 (the host grades every check-in). */
export default function IntegrityFields({ form, errors, set }: { form: FormState; errors: FieldErrors; set: <K extends keyof FormState>(key: K, value: FormState[K]) => void }) {
  const here = async () => {
    try {
      const { lat, lng } = await currentPosition()
      set('placeLat', lat.toFixed(5))
      set('placeLng', lng.toFixed(5))
    } catch (err) {
      showError(err)
    }
  }
  return (
    <FormSection title='打卡真实性' className='form-card integrity-fields'>
      <FormField layout='end' label='限定打卡地点' hint={form.geofenceOn ? '成员需分享位置，且在范围内才能打卡' : '不限地点'} error={form.geofenceOn ? undefined : errors.geofence}>
        <Switch className='integrity-geofence' data-field='geofenceOn' checked={form.geofenceOn} color={colors.brand} onChange={(e) => set('geofenceOn', e.detail.value)} />
      </FormField>
      {form.geofenceOn ? (
        <>
          <FormField label='地点名称' error={errors.geofence}>
            <TextInput
              className='form-input'
              data-field='placeName'
              value={form.placeName}
              maxlength={30}
              placeholder='如：朝阳公园南门'
              placeholderClass='form-placeholder'
              onValue={(value) => set('placeName', value)}
            />
          </FormField>
          <FormField layout='end' label='纬度 / 经度' hint='在地点现场点「用我现在的位置」最准确'>
            <View className='integrity-coords'>
              {COORDS.map((c) => (
                <BoxInput key={c.field} className='integrity-coord' name={c.field} type='digit' value={form[c.field]} placeholder={c.label} onValue={(value) => set(c.field, value)} />
              ))}
            </View>
          </FormField>
          <View className='integrity-here text-accent' onClick={() => void here()}>
            <Text>用我现在的位置</Text>
          </View>
          <FormField layout='end' label='打卡范围'>
            <NumberInput name='placeRadius' value={form.placeRadius} unit='米' onChange={(v) => set('placeRadius', v)} />
          </FormField>
        </>
      ) : null}
      <FormField layout='end' label='主理人点评' hint={form.hostReview ? '逐条评为优秀 / 合格 / 不合格；不合格的一天不计入完成' : '不点评'} error={errors.hostReview}>
        <Switch className='integrity-review' data-field='hostReview' checked={form.hostReview} color={colors.brand} onChange={(e) => set('hostReview', e.detail.value)} />
      </FormField>
    </FormSection>
  )
}
