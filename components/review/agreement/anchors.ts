/** The id of a pair's confusion matrix on the page, so the annotator table can link to it. */
export function pairAnchor(layer: string, a: string, b: string): string {
  return `confusion-${layer}-${a}-${b}`;
}
