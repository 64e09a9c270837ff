// The viewer's URL state (viewer/src/view-state.ts): round trip, defaults left out, bad values
// falling back to defaults.
import { describe, expect, it } from 'vitest';
import { decodeView, DEFAULT_VIEW, encodeView, type ViewState } from '../../viewer/src/view-state.js';

describe('view state in the URL', () => {
  it('the default view is the empty hash', () => {
    expect(encodeView(DEFAULT_VIEW)).toBe('');
    expect(decodeView('')).toEqual(DEFAULT_VIEW);
  });
  it('round-trips every field', () => {
    const v: ViewState = {
      run: 'r-20250101-000000-abcdef',
      color: 'department',
      size: 'betweenness',
      ranges: { degree: { min: 2 }, constraint: { min: 0.1, max: 0.5 } },
      termsAttr: 'office',
      terms: ['Paris', 'Lyon & co'],
      strongOnly: true,
      egoRadius: 2,
      giantOnly: true,
      minDegree: 3,
      selected: 'A 17/x',
      community: 4,
      allActors: true,
      camera: { x: 0.5, y: 0.25, ratio: 0.125 },
    };
    const hash = encodeView(v);
    expect(hash).toBe(
      'run=r-20250101-000000-abcdef&color=department&size=betweenness&range.degree=2..&range.constraint=0.1..0.5&terms=office&term=Paris&term=Lyon+%26+co&strong=1&ego=2&giant=1&mindeg=3&sel=A+17%2Fx&community=4&all=1&cam=0.5%2C0.25%2C0.125',
    );
    expect(decodeView(`#${hash}`)).toEqual(v);
  });
  it('malformed values take their defaults', () => {
    const v = decodeView('ego=3&mindeg=-2&cam=1,2&community=x&range.degree=a..b');
    expect(v.egoRadius).toBe(0);
    expect(v.minDegree).toBe(0);
    expect(v.camera).toBeNull();
    expect(v.community).toBeNull();
    expect(v.ranges).toEqual({ degree: {} });
  });
});
