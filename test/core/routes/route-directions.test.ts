import { describe, expect, it } from 'vitest';
import { clockText, routeDirections } from '../../../src/core/routes/route-directions.ts';
import { routeSheet, turnArrowPath } from '../../../src/core/routes/route-sheet.ts';
import type { PatrolRoute } from '../../../src/core/routes/patrol-planner.ts';
import type { PageItem } from '../../../src/core/page/page-model.ts';
import { teamColour } from '../../../src/core/routes/team-colours.ts';

// start at (0,0); walk east on Astraat, turn left (north) into Bstraat to stop 1, turn around, back
const route: PatrolRoute = {
  team: 2,
  passes: [],
  stops: [{ number: 1, edge: 1, street: 'Bstraat', point: [100, 50], hotspotScore: 5, score: 5, visit: 1, arriveMinute: 2, leaveMinute: 14 }],
  legs: [
    { toStop: 1, metres: 150, minutes: 2, departMinute: 0, arriveMinute: 2, pieces: [
      { edge: 0, name: 'Astraat', coords: [[0, 0], [100, 0]], metres: 100 },
      { edge: 1, name: 'Bstraat', coords: [[100, 0], [100, 50]], metres: 50 },
    ] },
    { toStop: 0, metres: 150, minutes: 2, departMinute: 14, arriveMinute: 16, pieces: [
      { edge: 1, name: 'Bstraat', coords: [[100, 50], [100, 0]], metres: 50 },
      { edge: 0, name: 'Astraat', coords: [[100, 0], [0, 0]], metres: 100 },
    ] },
  ],
  metres: 300, walkMinutes: 4, dwellMinutes: 12, returnMinute: 16, score: 5,
};

/** The y coordinates of a path's points (M, L and C take x y pairs, V a y, H an x). */
function pathYs(d: string): number[] {
  const ys: number[] = [];
  for (const [, cmd, args] of d.matchAll(/([MLCHVZ])([^MLCHVZ]*)/g)) {
    const v = args.trim().split(/\s+/).filter(Boolean).map(Number);
    if (cmd === 'V') ys.push(...v);
    else if (cmd !== 'H' && cmd !== 'Z') ys.push(...v.filter((_, n) => n % 2 === 1));
  }
  return ys;
}

describe('routeDirections', () => {
  it('describes departure, turns, stops with times and the return, in Dutch', () => {
    const lines = routeDirections(route, { startClock: 18 * 60 + 30, startLabel: 'het wijkhuis' }).map((d) => d.text);
    expect(lines).toEqual([
      'Vertrek om 18:30 aan het wijkhuis.',
      'Loop via de Astraat (100 m).',
      'Sla linksaf de Bstraat in tot stop 1 (50 m).',
      'Stop 1: de Bstraat — aankomst 18:32, 12 min blijven, vertrek 18:44.',
      'Keer om en loop terug door de Bstraat (50 m).',
      'Sla rechtsaf de Astraat in (100 m).',
      'Terug aan het wijkhuis om 18:46.',
    ]);
  });

  it('says the same in English with lang: en (street names without article, decimal point)', () => {
    const lines = routeDirections(route, { startClock: 18 * 60 + 30, startLabel: 'the community centre', lang: 'en' }).map((d) => d.text);
    expect(lines).toEqual([
      'Leave the community centre at 18:30.',
      'Walk along Astraat (100 m).',
      'Turn left onto Bstraat to stop 1 (50 m).',
      'Stop 1: Bstraat — arrive 18:32, stay 12 min, leave 18:44.',
      'Turn around and walk back along Bstraat (50 m).',
      'Turn right onto Astraat (100 m).',
      'Back at the community centre at 18:46.',
    ]);
    expect(routeDirections(route, { lang: 'en' })[0].text).toBe('Leave the starting point at 18:00.');
    const long = { ...route, legs: [{ ...route.legs[0], toStop: 0, pieces: [{ edge: 0, name: null, coords: [[0, 0], [1240, 0]] as [number, number][], metres: 1240 }] }], stops: [] } as unknown as PatrolRoute;
    expect(routeDirections(long, { lang: 'en' })[1].text).toBe('Walk along the unnamed road (1.2 km).');
    expect(routeDirections(long)[1].text).toBe('Loop via de naamloze weg (1,2 km).');
  });

  it('says at a revisit who was there before and when', () => {
    const again = (team: number) => ({ ...route, stops: [{ ...route.stops[0], visit: 2, previous: { team, arriveMinute: -40 } }] }) as PatrolRoute;
    const stopLine = (r: PatrolRoute, lang: 'nl' | 'en') => routeDirections(r, { startClock: 18 * 60 + 30, lang }).find((d) => d.kind === 'stop')!.text;
    expect(stopLine(again(3), 'nl')).toBe('Stop 1: de Bstraat (tweede bezoek; team 3 was er om 17:50) — aankomst 18:32, 12 min blijven, vertrek 18:44.');
    expect(stopLine(again(2), 'nl')).toContain('(tweede bezoek; jullie team was er om 17:50)');
    expect(stopLine(again(3), 'en')).toBe('Stop 1: Bstraat (second visit; team 3 was here at 17:50) — arrive 18:32, stay 12 min, leave 18:44.');
    expect(stopLine(again(2), 'en')).toContain('(second visit; your team was here at 17:50)');
  });

  it('gives each walking line the kind of its turn, the same as its Dutch words', () => {
    expect(routeDirections(route).filter((d) => d.kind === 'walk').map((d) => d.turn)).toEqual(['straight', 'left', 'around', 'right']);
    // one street after another, each turning by the given angle (left > 0) from the one before
    const angles = [0, 10, 40, 90, 120, 170, -10, -40, -90, -120, -170];
    let heading = 0;
    let at: [number, number] = [0, 0];
    const pieces = angles.map((a, i) => {
      heading += (a * Math.PI) / 180;
      const next: [number, number] = [at[0] + 100 * Math.cos(heading), at[1] + 100 * Math.sin(heading)];
      const piece = { edge: i, name: `Straat${i}`, coords: [at, next], metres: 100 };
      at = next;
      return piece;
    });
    const zigzag: PatrolRoute = { ...route, stops: [], passes: [], legs: [{ toStop: 0, metres: 1100, minutes: 15, departMinute: 0, arriveMinute: 15, pieces }] };
    const walks = routeDirections(zigzag).filter((d) => d.kind === 'walk');
    expect(walks.map((d) => d.turn)).toEqual(['straight', 'straight', 'slight-left', 'left', 'left', 'around', 'straight', 'slight-right', 'right', 'right', 'around']);
    const words = { straight: /^Loop (via|rechtdoor)/, 'slight-left': /^Houd links aan/, 'slight-right': /^Houd rechts aan/, left: /^Sla linksaf/, right: /^Sla rechtsaf/, around: /^Keer om/ };
    for (const d of walks) expect(d.text).toMatch(words[d.turn!]);
  });

  it('tells where the team walks past a hot section without stopping (a pass), on the sheet too', () => {
    const passing: PatrolRoute = { ...route, passes: [{ edge: 0, street: 'Astraat', point: [50, 0], minute: 15, score: 1 }] };
    const directions = routeDirections(passing, { startClock: 18 * 60 + 30, startLabel: 'het wijkhuis' });
    expect(directions.map((d) => d.text)).toEqual([
      'Vertrek om 18:30 aan het wijkhuis.',
      'Loop via de Astraat (100 m).',
      'Sla linksaf de Bstraat in tot stop 1 (50 m).',
      'Stop 1: de Bstraat — aankomst 18:32, 12 min blijven, vertrek 18:44.',
      'Keer om en loop terug door de Bstraat (50 m).',
      // minute 15 lies in the way back: the Astraat walked then, not the one walked at the start
      'Sla rechtsaf de Astraat in (100 m). Hot spot: rustig en zichtbaar doorlopen, niet stoppen.',
      'Terug aan het wijkhuis om 18:46.',
    ]);
    expect(directions.filter((d) => d.passes).map((d) => d.passes)).toEqual([1]);
    const [page] = routeSheet(passing, { startClock: 18 * 60 + 30 });
    const flat = (items: PageItem[]): PageItem[] => items.flatMap((x) => (x.kind === 'group' ? flat(x.items) : [x]));
    const items = flat(page.items);
    expect(items.some((x) => x.kind === 'path' && x.id === 'pass-0')).toBe(true);
    expect(items.some((x) => x.kind === 'text' && x.text.includes('1 hot spot onderweg (○)'))).toBe(true);
    // a pass where a stop's marker would hide it sits on the marker's edge, outside its centre
    const atStop: PatrolRoute = { ...route, passes: [{ edge: 1, street: 'Bstraat', point: [100, 50], minute: 15, score: 1 }] };
    const atStopItems = flat(routeSheet(atStop)[0].items);
    const centre = (id: string, r: number) => {
      const item = atStopItems.find((x) => x.kind === 'path' && x.id === id);
      const m = /^M ([\d.]+) ([\d.]+)/.exec(item?.kind === 'path' ? item.d : '')!;
      return [Number(m[1]) - r, Number(m[2])];
    };
    const ring = centre('pass-1', 1.6);
    const stop = centre('stop-1', 3);
    expect(Math.hypot(ring[0] - stop[0], ring[1] - stop[1])).toBeCloseTo(3 * 0.75 * Math.SQRT2, 1);
    expect(ring[0]).toBeGreaterThan(stop[0]);
    expect(ring[1]).toBeLessThan(stop[1]);
    // two more passes at the same stop (one on the same edge again): each its own place and id
    const more: PatrolRoute = { ...route, passes: [0, 1, 2].map((k) => ({ edge: k === 2 ? 2 : 1, street: 'Bstraat', point: [100, 50] as [number, number], minute: 15 + 40 * k, score: 1 })) };
    const moreItems = flat(routeSheet(more)[0].items);
    const rings = moreItems.filter((x) => x.kind === 'path' && x.id?.startsWith('pass-'));
    expect(rings.map((x) => (x.kind === 'path' ? x.id : ''))).toEqual(['pass-1', 'pass-1-2', 'pass-2']);
    const at = rings.map((x) => /^M ([\d.]+) ([\d.]+)/.exec(x.kind === 'path' ? x.d : '')!.slice(1).map(Number));
    for (let a = 0; a < at.length; a++) for (let b = a + 1; b < at.length; b++) expect(Math.hypot(at[a][0] - at[b][0], at[a][1] - at[b][1])).toBeGreaterThan(3.2);
    const plain = flat(routeSheet(route)[0].items);
    expect(plain.some((x) => x.kind === 'path' && x.id?.startsWith('pass-'))).toBe(false);
    expect(plain.some((x) => x.kind === 'text' && x.text.includes('onderweg'))).toBe(false);
  });

  it('writes clock times past midnight', () => {
    expect(clockText(23 * 60 + 50 + 20)).toBe('00:10');
  });
});

describe('routeSheet', () => {
  it('composes an A4 page with the map, numbered stops and the ordered list', () => {
    const pages = routeSheet(route, { startClock: 18 * 60, startLabel: 'het wijkhuis', subtitle: 'vrijdag, 18–22 u', context: [[[0, 0], [0, 100]], [[5000, 5000], [5100, 5000]]] });
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ width: 210, height: 297, lang: 'nl' });
    const flat = (items: PageItem[]): PageItem[] => items.flatMap((i) => (i.kind === 'group' ? flat(i.items) : [i]));
    const items = flat(pages[0].items);
    const texts = items.filter((i) => i.kind === 'text').map((i) => (i as { text: string }).text);
    expect(texts).toContain('Patrouilleroute team 2');
    expect(texts).toContain('1'); // the stop number on the map
    expect(texts).toContain('Terug aan het wijkhuis om 18:16.');
    // one stop: "1 stop", not "1 stops"
    expect(texts.some((t) => t.includes('0,3 km wandelen · 1 stop') && !t.includes('1 stops'))).toBe(true);
    expect(items.some((i) => i.kind === 'path' && i.id === 'stop-1')).toBe(true);
    // context streets outside the view are left out
    const grey = items.filter((i) => i.kind === 'path' && i.stroke === '#c8c8c8');
    expect(grey).toHaveLength(1);
  });

  it('names the streets walked on the map once each, above the route and under the markers', () => {
    const flat = (items: PageItem[]): PageItem[] => items.flatMap((i) => (i.kind === 'group' ? flat(i.items) : [i]));
    const items = flat(routeSheet(route)[0].items);
    const labels = items.filter((i) => i.kind === 'text' && (i.text === 'Astraat' || i.text === 'Bstraat'));
    // walked out and back, each street is named once: Astraat along x (0°), Bstraat going north (−90°)
    expect(labels.map((l) => [(l as { text: string }).text, (l as { rotate?: number }).rotate]).sort()).toEqual([
      ['Astraat', 0],
      ['Bstraat', -90],
    ]);
    const index = (i: PageItem) => items.indexOf(i);
    const routeLine = items.findLastIndex((i) => i.kind === 'path' && i.stroke === teamColour(2));
    const marker = items.findIndex((i) => i.kind === 'path' && i.id === 'stop-1');
    for (const l of labels) {
      expect(index(l)).toBeGreaterThan(routeLine);
      expect(index(l)).toBeLessThan(marker);
    }
  });

  it('puts a symbol left of each direction: S, the turn arrows, the stop marker with its number', () => {
    const flat = (items: PageItem[]): PageItem[] => items.flatMap((i) => (i.kind === 'group' ? flat(i.items) : [i]));
    const items = flat(routeSheet(route)[0].items);
    const ids = items.filter((i) => i.kind === 'path' && /^(turn-|list-)/.test(i.id ?? '')).map((i) => (i as { id: string }).id);
    expect(ids).toEqual(['list-depart', 'turn-straight', 'turn-left', 'list-stop-1', 'turn-around', 'turn-right', 'list-return']);
    // each symbol sits on its line: the text that follows it starts right of it, 1.3 mm above its baseline
    for (const id of ids) {
      const k = items.findIndex((i) => i.kind === 'path' && i.id === id);
      const line = items.slice(k + 1).find((i) => i.kind === 'text' && i.size === 10) as { x: number; y: number };
      const ys = pathYs((items[k] as { d: string }).d);
      expect(Math.min(...ys)).toBeGreaterThan(line.y - 1.3 - 2.6);
      expect(Math.max(...ys)).toBeLessThan(line.y - 1.3 + 2.6);
      expect(line.x).toBeGreaterThan(15 + 4);
    }
    // left is right mirrored, half left is half right mirrored
    // (x mirrored around the centre x = 10: M, L, C pairs and H values; V values stay)
    const mirrored = (d: string) =>
      [...d.matchAll(/([MLCHVZ])([^MLCHVZ]*)/g)].flatMap(([, cmd, args]) => {
        const v = args.trim().split(/\s+/).filter(Boolean).map(Number);
        return [cmd, ...v.map((x, n) => (cmd === 'V' || (cmd !== 'H' && n % 2 === 1) ? x : 20 - x))];
      });
    const parsed = (d: string) => [...d.matchAll(/([MLCHVZ])([^MLCHVZ]*)/g)].flatMap(([, cmd, args]) => [cmd, ...args.trim().split(/\s+/).filter(Boolean).map(Number)]);
    for (const [l, r] of [['left', 'right'], ['slight-left', 'slight-right']] as const) {
      expect(mirrored(turnArrowPath(l, 10, 10))).toEqual(parsed(turnArrowPath(r, 10, 10)).map((v) => (typeof v === 'number' ? expect.closeTo(v, 6) : v)));
    }
  });

  it('continues a long list on further pages', () => {
    const many: PatrolRoute = { ...route, legs: Array.from({ length: 40 }, () => route.legs[0]), stops: Array.from({ length: 40 }, () => route.stops[0]) };
    many.legs = many.legs.map((l, i) => ({ ...l, toStop: i + 1 }));
    many.stops = many.stops.map((s, i) => ({ ...s, number: i + 1 }));
    const pages = routeSheet(many);
    expect(pages.length).toBeGreaterThan(1);
  });
});

describe('routeSheet markers', () => {
  it('draws one marker with both numbers for a place visited twice', () => {
    const twice: PatrolRoute = { ...route, stops: [route.stops[0], { ...route.stops[0], number: 2 }], legs: [route.legs[0], { ...route.legs[0], toStop: 2, pieces: [] }, route.legs[1]] };
    const flat = (items: PageItem[]): PageItem[] => items.flatMap((i) => (i.kind === 'group' ? flat(i.items) : [i]));
    const items = flat(routeSheet(twice)[0].items);
    expect(items.some((i) => i.kind === 'path' && i.id === 'stop-1-2')).toBe(true);
    expect(items.some((i) => i.kind === 'text' && i.text === '1/2')).toBe(true);
  });
});
