// The options of a Segmented (or any few-way choice), built from what names
// them instead of written out as { value, label } rows one by one.

export interface Option<V extends string> {
  value: V
  label: string
}

/** The options from each value's label, in the order written: optionsOf({ none: '不送', coupon: '优惠券' }). Not for number-like values (see unitOptions). */
export function optionsOf<V extends string>(labels: Record<V, string>): Array<Option<V>> {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }))
}

/** Amounts of one unit, each labelled with it: unitOptions(['24', '48'], '小时') → 24 小时, 48 小时. */
export function unitOptions<V extends string>(values: readonly V[], unit: string): Array<Option<V>> {
  return values.map((value) => ({ value, label: `${value} ${unit}` }))
}

/** The values of a list of options: type Size = OptionValue<typeof SIZES>. */
export type OptionValue<O extends ReadonlyArray<Option<string>>> = O[number]['value']
