// deck.gl layer factories of the atlas. The basemap factory is not re-exported: import it lazily from './basemap-layer.ts'.
export { createBlocksLayer, type BlocksLayerOptions } from './blocks-layer.ts';
export { createContextLayer, type ContextLayerOptions } from './context-layers.ts';
export { createHoverLayer } from './hover-layer.ts';
export { createSelectionLayer, SELECTION_RGB } from './selection-layer.ts';
