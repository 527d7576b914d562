// Leaflet's stylesheet, imported by the map bundle for esbuild to emit as map.css (see web/assets.ts).
declare module 'leaflet/dist/leaflet.css';
