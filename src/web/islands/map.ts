// Entry of the map bundle (a separate esbuild entry with Leaflet and its stylesheet, loaded only by pages that show a
// map: the directory list when the region has a tile server). Starts a map on every `data-module="map"` from its
// `data-map` JSON (tile URL, attribution, centre, markers with links); the common island loader ignores the name.
// Without this script, or when it fails, the list below the map is the whole page.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';

type MapData = {
  tileUrl: string;
  attribution: string;
  center: [number, number] | null;
  here: [number, number] | null;
  markers: { lat: number; lon: number; name: string; href: string }[];
};

function mount(root: HTMLElement): void {
  const data = JSON.parse(root.dataset.map ?? 'null') as MapData | null;
  if (!data) return;
  const map = L.map(root, { scrollWheelZoom: false });
  // The attribution is the region's plain text (escaped: Leaflet inserts it as HTML).
  const attribution = data.attribution.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  L.tileLayer(data.tileUrl, { attribution, maxZoom: 19 }).addTo(map);
  const points: L.LatLngExpression[] = [];
  for (const m of data.markers) {
    const marker = L.circleMarker([m.lat, m.lon], { radius: 8, weight: 2, color: '#2044aa', fillColor: '#2044aa', fillOpacity: 0.6 }).addTo(map);
    const link = document.createElement('a');
    link.href = m.href;
    link.textContent = m.name;
    marker.bindPopup(link);
    points.push([m.lat, m.lon]);
  }
  if (data.here) {
    L.circleMarker(data.here, { radius: 6, weight: 2, color: '#c31c13', fillColor: '#fff', fillOpacity: 1 }).addTo(map);
    points.push(data.here);
  }
  if (points.length > 1) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
  else if (points[0]) map.setView(points[0], 14);
  else if (data.center) map.setView(data.center, 12);
}

function start(): void {
  document.querySelectorAll<HTMLElement>('[data-module~="map"]').forEach((root) => {
    if (root.dataset.mapStarted) return;
    root.dataset.mapStarted = '1';
    try {
      mount(root);
    } catch (err) {
      console.error('island map failed', err);
    }
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
