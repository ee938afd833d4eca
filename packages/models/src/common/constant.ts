/** The `{ id, label }` pair PeerTube uses for every enumerated value in JSON. */
export interface LabeledValue<T> {
  id: T;
  label: string;
}
