/**
 * TEST-ONLY STUBS. jsdom has no layout engine, and React Flow only draws
 * nodes and edges it could measure. These stand in for the browser's
 * measuring: a ResizeObserver that reports each observed element once, sizes
 * taken from the inline style React Flow sets from each node's width and
 * height (the flow container pretends to be 1000×600), a DOMMatrixReadOnly
 * that reads `scale(...)`, and getBBox for edge labels. Nothing here runs in
 * the app; positions come from elk in both cases.
 */

class StubResizeObserverForJsdom {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    // a real ResizeObserver reports every element once when observed
    setTimeout(
      () =>
        this.callback(
          [{ target } as unknown as ResizeObserverEntry],
          this as unknown as ResizeObserver,
        ),
      0,
    );
  }
  unobserve() {}
  disconnect() {}
}

class StubDOMMatrixReadOnlyForJsdom {
  m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([-\d.]+)\)/.exec(transform ?? '');
    this.m22 = scale ? Number(scale[1]) : 1;
  }
}

const FLOW_CONTAINERS = ['react-flow', 'react-flow__renderer'];

function stubbedSize(el: HTMLElement, axis: 'width' | 'height'): number {
  if (FLOW_CONTAINERS.some(c => el.classList.contains(c))) {
    return axis === 'width' ? 1000 : 600;
  }
  return parseFloat(el.style[axis]) || 0;
}

export function installReactFlowJsdomStubs() {
  const w = window as unknown as Record<string, unknown>;
  w.ResizeObserver = StubResizeObserverForJsdom;
  w.DOMMatrixReadOnly = StubDOMMatrixReadOnlyForJsdom;
  Object.defineProperties(HTMLElement.prototype, {
    offsetWidth: {
      configurable: true,
      get(this: HTMLElement) {
        return stubbedSize(this, 'width');
      },
    },
    offsetHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return stubbedSize(this, 'height');
      },
    },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox =
    () => ({ x: 0, y: 0, width: 80, height: 14 } as DOMRect);
}
