import type { XY } from '../types.ts';
import type { NodedNetwork } from './block-types.ts';

/** A run of street edges of one half-width, as a polyline. */
export interface StreetChain {
  coords: XY[];
  halfWidth: number;
}

/**
 * Joins the network's street edges into polylines that break at junctions (nodes with other than
 * two street edges) and where the half-width changes, so street buffers get round joins and far
 * fewer Clipper paths than one per segment. Deterministic: chains start from the lowest node id.
 *
 * @param network - noded network
 * @param halfWidthOf - half-width (m) for a highway class (null: missing)
 * @returns chains with their half-width (chains of half-width 0 are left out)
 */
export function chainStreetEdges(network: NodedNetwork, halfWidthOf: (highway: string | null) => number): StreetChain[] {
  const { nodes, edges } = network;
  const street: number[] = [];
  edges.forEach((e, i) => {
    if (e.kind === 'street') street.push(i);
  });
  const incident = new Map<number, number[]>();
  for (const i of street) {
    for (const v of [edges[i].a, edges[i].b]) {
      const list = incident.get(v);
      if (list) list.push(i);
      else incident.set(v, [i]);
    }
  }
  const width = (i: number) => halfWidthOf(edges[i].highway);
  const passThrough = (v: number) => {
    const list = incident.get(v) ?? [];
    return list.length === 2 && width(list[0]) === width(list[1]);
  };
  const used = new Uint8Array(edges.length);
  const chains: StreetChain[] = [];
  const walk = (start: number, first: number) => {
    const hw = width(first);
    const coords: XY[] = [nodes[start]];
    let v = start;
    let e = first;
    for (;;) {
      used[e] = 1;
      v = edges[e].a === v ? edges[e].b : edges[e].a;
      coords.push(nodes[v]);
      if (!passThrough(v)) break;
      const nextEdge = (incident.get(v) ?? []).find((x) => !used[x]);
      if (nextEdge === undefined) break;
      e = nextEdge;
    }
    if (hw > 0) chains.push({ coords, halfWidth: hw });
  };
  const starts = [...incident.keys()].sort((a, b) => a - b);
  for (const v of starts) {
    if (passThrough(v)) continue;
    for (const e of incident.get(v) ?? []) if (!used[e]) walk(v, e);
  }
  // closed loops made only of pass-through nodes
  for (const i of street) if (!used[i]) walk(edges[i].a, i);
  return chains;
}
