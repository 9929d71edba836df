// Interleaves several streams' ordered lines into one ordered sequence (a k-way merge on a heap),
// so reading a whole service costs what the page holds, not what every stream holds.

export interface Tagged<T> {
  value: T;
  source: number;
}

export function* mergeOrdered<T>(
  sources: ReadonlyArray<Iterator<T>>,
  before: (a: Tagged<T>, b: Tagged<T>) => boolean,
): Generator<Tagged<T>> {
  const heap: Tagged<T>[] = [];
  const push = (item: Tagged<T>): void => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Tagged<T>, heap[parent] as Tagged<T>)) break;
      [heap[i], heap[parent]] = [heap[parent] as Tagged<T>, heap[i] as Tagged<T>];
      i = parent;
    }
  };
  const pop = (): Tagged<T> | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      let best = i;
      if (left < heap.length && before(heap[left] as Tagged<T>, heap[best] as Tagged<T>)) best = left;
      if (left + 1 < heap.length && before(heap[left + 1] as Tagged<T>, heap[best] as Tagged<T>))
        best = left + 1;
      if (best === i) return top;
      [heap[i], heap[best]] = [heap[best] as Tagged<T>, heap[i] as Tagged<T>];
      i = best;
    }
  };
  sources.forEach((iterator, source) => {
    const first = iterator.next();
    if (!first.done) push({ value: first.value, source });
  });
  for (;;) {
    const item = pop();
    if (item === undefined) return;
    yield item;
    const next = (sources[item.source] as Iterator<T>).next();
    if (!next.done) push({ value: next.value, source: item.source });
  }
}
