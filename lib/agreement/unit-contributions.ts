/**
 * Per-unit contributions to a coefficient that is a function of sums over units: Krippendorff's
 * α (coincidence matrices), Cohen's κ (contingency tables), Fleiss' κ (agreeing pairs and
 * category totals). Resampling units then means summing the chosen units' contributions, never
 * recomputing anything from the raw data.
 *
 * Stored sparse (compressed rows: one run of (cell, weight) entries per unit), because a unit
 * touches few cells of its vector: a token coded by three annotators adds to at most nine cells
 * of the coincidence matrix, a document to the cells of the categories it uses.
 */
export class UnitContributions {
  private readonly cells: number[] = [];
  private readonly weights: number[] = [];
  private readonly starts: number[] = [0];

  /** `length`: the size of the summed vector (e.g. categories² for a coincidence matrix). */
  constructor(readonly length: number) {}

  /** Adds one unit whose vector is `vector` (dense, `length` long); an all-zero unit is no unit and is not added. */
  addDense(vector: ArrayLike<number>): void {
    let any = false;
    for (let cell = 0; cell < this.length; cell++) {
      const weight = vector[cell] as number;
      if (weight === 0) continue;
      this.cells.push(cell);
      this.weights.push(weight);
      any = true;
    }
    if (any) this.starts.push(this.cells.length);
  }

  /** The number of units (units whose vector is all zero were not added). */
  get units(): number {
    return this.starts.length - 1;
  }

  /** Adds `times` × unit `unit`'s vector to `into`. */
  addUnit(into: Float64Array, unit: number, times = 1): void {
    for (let entry = this.starts[unit]!; entry < this.starts[unit + 1]!; entry++) into[this.cells[entry]!]! += times * this.weights[entry]!;
  }

  /**
   * The same units with each cell c moved to `cellMap[c]` of a vector `length` long (cells that
   * land together add up): e.g. a label's inside/outside 2 × 2 view of a layer's coincidences.
   */
  mapped(length: number, cellMap: ArrayLike<number>): UnitContributions {
    // Each unit's entries are summed into the new cells, so a replicate touches at most `length` cells per unit.
    const out = new UnitContributions(length);
    const unit = new Float64Array(length);
    for (let u = 0; u < this.units; u++) {
      unit.fill(0);
      for (let entry = this.starts[u]!; entry < this.starts[u + 1]!; entry++) unit[cellMap[this.cells[entry]!] as number]! += this.weights[entry]!;
      out.addDense(unit);
    }
    return out;
  }

  total(): Float64Array {
    const sum = new Float64Array(this.length);
    for (let unit = 0; unit < this.units; unit++) this.addUnit(sum, unit);
    return sum;
  }
}
