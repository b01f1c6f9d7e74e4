import {
  boundsOf,
  OPENING_ZOOM,
  openingViewport,
  overlaps,
  READABLE_ZOOM,
  visibleRegion,
} from './cellViewport';

const canvas = { width: 1100, height: 640 };
const zoomLimits = { min: 0.05, max: 2 };

describe('where a cell diagram opens', () => {
  it('shows a small cell whole, centred', () => {
    const bounds = { x: 0, y: 0, width: 1400, height: 300 };
    const { viewport, whole } = openingViewport(bounds, canvas, zoomLimits);
    expect(whole).toBe(true);
    expect(viewport.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const region = visibleRegion(viewport, canvas);
    expect(region.x).toBeLessThanOrEqual(bounds.x);
    expect(region.x + region.width).toBeGreaterThanOrEqual(bounds.width);
  });

  it('opens a cell too large to read whole on its top-left corner, where traffic enters', () => {
    // 300 components: about 40 columns, several hundred px high each
    const bounds = { x: -50, y: 20, width: 12000, height: 3000 };
    const { viewport, whole } = openingViewport(bounds, canvas, zoomLimits);
    expect(whole).toBe(false);
    expect(viewport.zoom).toBe(OPENING_ZOOM);
    const region = visibleRegion(viewport, canvas);
    // the corner is in view, with a margin, and most of the cell is not
    expect(region.x).toBeLessThan(bounds.x);
    expect(region.y).toBeLessThan(bounds.y);
    expect(region.x).toBeGreaterThan(bounds.x - 100);
    expect(region.width).toBeLessThan(bounds.width / 5);
  });
});

describe('what is in view', () => {
  it('maps the canvas back to diagram coordinates', () => {
    expect(
      visibleRegion(
        { x: -200, y: 100, zoom: 0.5 },
        { width: 800, height: 400 },
      ),
    ).toEqual({ x: 400, y: -200, width: 1600, height: 800 });
  });

  it('counts a node in view when any part of it is, and not when it only touches', () => {
    const region = { x: 0, y: 0, width: 100, height: 100 };
    expect(overlaps({ x: 90, y: 90, width: 50, height: 50 }, region)).toBe(
      true,
    );
    expect(overlaps({ x: 100, y: 0, width: 50, height: 50 }, region)).toBe(
      false,
    );
    expect(overlaps({ x: -60, y: 10, width: 50, height: 50 }, region)).toBe(
      false,
    );
  });

  it('bounds a set of nodes, and nothing for no nodes', () => {
    expect(
      boundsOf([
        { x: 10, y: 20, width: 100, height: 50 },
        { x: -5, y: 200, width: 10, height: 10 },
      ]),
    ).toEqual({ x: -5, y: 20, width: 115, height: 190 });
    expect(boundsOf([])).toBeUndefined();
  });
});
