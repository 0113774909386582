/**
 * A column of optional strings packed in one string: row i is `text.slice(offsets[i],
 * offsets[i + 1])`, or null where `nulls[i]` is 1. An import's 100,000 ids and names cross from the
 * link worker to the page as one string and two typed arrays (moved, not copied) instead of
 * 200,000 string objects to clone, deserialise and collect. Pure.
 */
export interface StringColumn {
  readonly text: string;
  /** n + 1 offsets into text */
  readonly offsets: Uint32Array;
  readonly nulls: Uint8Array;
}

/** How many rows the column holds. */
export function columnLength(c: StringColumn): number {
  return c.nulls.length;
}

/** Row i (null: no value, or i out of range). */
export function stringAt(c: StringColumn, i: number): string | null {
  if (!Number.isInteger(i) || i < 0 || i >= c.nulls.length || c.nulls[i] === 1) return null;
  return c.text.slice(c.offsets[i], c.offsets[i + 1]);
}

/** Every row, unpacked (tests, small sets). */
export function columnValues(c: StringColumn): (string | null)[] {
  return Array.from({ length: columnLength(c) }, (_, i) => stringAt(c, i));
}

/** Builds a column a row at a time. */
export class StringColumnBuilder {
  private parts: string[] = [];
  private length = 0;
  private n = 0;
  private offsets = new Uint32Array(1025);
  private nulls = new Uint8Array(1024);

  get count(): number {
    return this.n;
  }

  push(value: string | null | undefined): void {
    if (this.n === this.nulls.length) {
      const offsets = new Uint32Array(this.offsets.length * 2 - 1);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const nulls = new Uint8Array(this.nulls.length * 2);
      nulls.set(this.nulls);
      this.nulls = nulls;
    }
    if (value === null || value === undefined) this.nulls[this.n] = 1;
    else {
      this.parts.push(value);
      this.length += value.length;
    }
    this.offsets[++this.n] = this.length;
  }

  /** Appends rows i0…i1-1 of another column. */
  pushFrom(c: StringColumn, i0 = 0, i1 = columnLength(c)): void {
    for (let i = i0; i < i1; i++) this.push(stringAt(c, i));
  }

  build(): StringColumn {
    return { text: this.parts.join(''), offsets: this.offsets.slice(0, this.n + 1), nulls: this.nulls.slice(0, this.n) };
  }
}

/** A column of these values. */
export function stringColumn(values: readonly (string | null | undefined)[]): StringColumn {
  const b = new StringColumnBuilder();
  for (const v of values) b.push(v);
  return b.build();
}
