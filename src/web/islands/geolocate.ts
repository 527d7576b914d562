// "Use my location" on the directory's filter form: fills the hidden lat/lon fields from the browser's position when
// the reader allows it and sends the form. Without JavaScript (or without permission) the typed place still works;
// the button stays hidden then.
export function geolocate(root: HTMLElement): void {
  const wrap = root.querySelector<HTMLElement>('[data-js-locate-wrap]');
  const button = root.querySelector<HTMLButtonElement>('[data-js-locate]');
  const status = root.querySelector<HTMLElement>('[data-js-locate-status]');
  const lat = root.querySelector<HTMLInputElement>('[data-js-lat]');
  const lon = root.querySelector<HTMLInputElement>('[data-js-lon]');
  const place = root.querySelector<HTMLInputElement>('[data-js-place]');
  if (!wrap || !button || !lat || !lon || !('geolocation' in navigator)) return;
  wrap.hidden = false;
  button.addEventListener('click', () => {
    if (status) status.textContent = button.dataset.using ?? '';
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        lat.value = pos.coords.latitude.toFixed(5);
        lon.value = pos.coords.longitude.toFixed(5);
        if (place) place.value = '';
        button.form?.submit();
      },
      () => {
        if (status) status.textContent = button.dataset.denied ?? '';
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    );
  });
}
