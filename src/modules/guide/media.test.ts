// Images: processing (content detection, variants, metadata stripped), the service (permissions, audit), and HTTP
// (multipart upload with CSRF as field or header, 422 re-render, JSON for the editor, variant caching, delete).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { auditEvents } from '../../platform/schema.js';
import { sanitizeRichText } from '../../platform/richtext/sanitize.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import type { Actor } from '../../platform/auth/permissions.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { buildAccount, buildRegion, sessionCookieFor, type RegionRow } from '../../../test/fixtures.js';
import { imageHtml, MEDIA_MAX_BYTES, processImage, uploadMedia } from './media.js';

/** A JPEG with EXIF camera data and GPS coordinates (the kind of metadata we must never publish). */
async function photoWithGps(width = 2000, height = 1500): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 100, b: 50 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 19/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '9/1 29/1 0/1' },
    })
    .toBuffer();
}

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');

type Part = { name: string; value: string } | { name: string; filename: string; contentType: string; data: Buffer };

/** A multipart/form-data body in the given part order (as a browser sends it). */
function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = '----wegweiser-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType}\r\n\r\n`));
      chunks.push(part.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('media: processing', () => {
  it('makes WebP variants 320/640/1024/1600 with all metadata (EXIF, GPS) stripped', async () => {
    const input = await photoWithGps();
    const before = await sharp(input).metadata();
    assert.ok(before.exif && before.exif.toString('latin1').includes('TestCam'), 'the test image carries EXIF');
    const image = await processImage(input);
    assert.equal(image.width, 2000);
    assert.equal(image.height, 1500);
    assert.deepEqual(
      image.variants.map((v) => [v.width, v.height]),
      [
        [320, 240],
        [640, 480],
        [1024, 768],
        [1600, 1200],
      ],
    );
    for (const v of image.variants) {
      const meta = await sharp(v.data).metadata();
      assert.equal(meta.format, 'webp');
      assert.equal(meta.exif, undefined, 'no EXIF');
      assert.equal(meta.xmp, undefined, 'no XMP');
      assert.equal(meta.icc, undefined, 'no ICC profile');
      assert.ok(!v.data.includes('TestCam'));
      assert.match(v.hash, /^[0-9a-f]{64}$/);
    }
  });

  it('never enlarges: a small image gets the widths it has, a tiny one a single variant of its own width', async () => {
    const mid = await processImage(await sharp({ create: { width: 700, height: 350, channels: 3, background: '#123456' } }).png().toBuffer());
    assert.deepEqual(
      mid.variants.map((v) => v.width),
      [320, 640],
    );
    const tiny = await processImage(await sharp({ create: { width: 200, height: 100, channels: 4, background: '#12345680' } }).png().toBuffer());
    assert.deepEqual(
      tiny.variants.map((v) => [v.width, v.height]),
      [[200, 100]],
    );
  });

  it('detects images by content: SVG, text and broken data are refused whatever they are called', async () => {
    for (const data of [SVG, Buffer.from('GIF89a but not really'), Buffer.from('%PDF-1.4\n'), (await photoWithGps(400, 300)).subarray(0, 200)]) {
      await assert.rejects(processImage(data), (err: unknown) => err instanceof ValidationError && err.fields.file?.key === 'editor.error_not_image');
    }
  });
});

describe('media: imageHtml and the sanitiser', () => {
  it('the sanitiser keeps exactly the HTML the editor inserts', () => {
    const m = { id: '2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10', width: 2000, height: 1500, widths: [320, 640, 1024, 1600], alt: 'Das Rathaus "am" Markt <1>' };
    const html = imageHtml(m);
    assert.equal(
      html,
      '<img src="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/1024.webp" srcset="/media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/320.webp 320w, /media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/640.webp 640w, /media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/1024.webp 1024w, /media/2f6c1b52-8a4e-4c0e-9d1a-6f0e2b7c9a10/1600.webp 1600w" sizes="(max-width: 40rem) 100vw, 40rem" alt="Das Rathaus &quot;am&quot; Markt &lt;1&gt;" width="1024" height="768" loading="lazy" />',
    );
    assert.equal(sanitizeRichText(html), html);
    // A small image: the widest variant it has is the src.
    const small = imageHtml({ id: m.id, width: 700, height: 350, widths: [320, 640], alt: '' });
    assert.match(small, /src="\/media\/[^"]+\/640\.webp"/);
    assert.match(small, /width="640" height="320"/);
    assert.equal(sanitizeRichText(small), small);
  });
});

describe('media: service and HTTP', () => {
  let t: TestApp;
  let region: RegionRow;
  let other: RegionRow;
  let editorCookie: string;
  let translatorCookie: string;
  let editor: Actor;

  const csrfAndCookie = async (cookie: string) => {
    const page = await t.app.inject({ method: 'GET', url: `/admin/regions/${region.id}/media`, headers: { cookie } });
    assert.equal(page.statusCode, 200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    const csrfCookie = page.cookies.find((c) => c.name === 'ww_csrf');
    assert.ok(token && csrfCookie);
    return { token, cookie: `${cookie}; ww_csrf=${csrfCookie.value}` };
  };

  const upload = async (cookie: string, parts: (token: string) => Part[], headers: (token: string) => Record<string, string> = () => ({})) => {
    const auth = await csrfAndCookie(cookie);
    const body = multipart(parts(auth.token));
    return t.app.inject({
      method: 'POST',
      url: `/admin/regions/${region.id}/media`,
      headers: { cookie: auth.cookie, 'content-type': body.contentType, ...headers(auth.token) },
      payload: body.payload,
    });
  };

  before(async () => {
    t = await createTestApp();
    region = await buildRegion(t.db, { name: 'Kreis Bilder' });
    other = await buildRegion(t.db, { name: 'Kreis Anders' });
    const acc = await buildAccount(t.db, { roles: [{ regionId: region.id, role: 'editor' }] });
    editorCookie = await sessionCookieFor(t.app, t.db, acc.id);
    editor = { id: acc.id, email: acc.email, name: acc.name, isAdmin: false, memberships: [{ regionId: region.id, role: 'editor', languages: [] }] };
    const translator = await buildAccount(t.db, { roles: [{ regionId: region.id, role: 'translator', languages: ['ar'] }] });
    translatorCookie = await sessionCookieFor(t.app, t.db, translator.id);
  });
  after(() => t.close());

  it('upload (token as the first field): 303 to the library, which lists the image with its alt text; audited', async () => {
    const photo = await photoWithGps();
    const res = await upload(editorCookie, (token) => [
      { name: '_csrf', value: token },
      { name: 'alt', value: 'Das Landratsamt' },
      { name: 'file', filename: 'IMG_0001.JPG', contentType: 'image/jpeg', data: photo },
    ]);
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `/admin/regions/${region.id}/media`);
    const page = await t.app.inject({ method: 'GET', url: `/admin/regions/${region.id}/media`, headers: { cookie: editorCookie } });
    assert.match(page.body, /<img class="media-thumb" src="\/media\/[0-9a-f-]{36}\/320\.webp" alt="Das Landratsamt" width="320" height="240" loading="lazy"/);
    assert.match(page.body, /IMG_0001\.JPG/);
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.regionId, region.id), eq(auditEvents.action, 'media.upload')));
    assert.equal(audits.length, 1);
  });

  it('serves variants as WebP with a strong ETag, immutable caching and 304 on If-None-Match', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/admin/regions/${region.id}/media`, headers: { cookie: editorCookie } });
    const id = /\/media\/([0-9a-f-]{36})\/320\.webp/.exec(page.body)?.[1];
    assert.ok(id);
    const res = await t.app.inject({ method: 'GET', url: `/media/${id}/1600.webp` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'image/webp');
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    const etag = String(res.headers.etag);
    assert.match(etag, /^"[0-9a-f]{64}"$/);
    const meta = await sharp(res.rawPayload).metadata();
    assert.equal(meta.width, 1600);
    assert.equal(meta.exif, undefined);
    assert.ok(!res.rawPayload.includes('TestCam'));
    const again = await t.app.inject({ method: 'GET', url: `/media/${id}/1600.webp`, headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    for (const url of [`/media/${id}/2000.webp`, `/media/${id}/1600.png`, `/media/${id}/0320.webp`, '/media/00000000-0000-0000-0000-000000000000/320.webp', '/media/x/320.webp']) {
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404, url);
    }
  });

  it('the editor uploads with the x-csrf-token header and gets JSON with the image attributes', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } }).png().toBuffer();
    const res = await upload(
      editorCookie,
      () => [
        { name: 'alt', value: 'Karte' },
        { name: 'file', filename: 'karte.png', contentType: 'image/png', data: photo },
      ],
      (token) => ({ 'x-csrf-token': token, accept: 'application/json' }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const json = res.json() as { id: string; src: string; srcset: string; width: number; height: number; alt: string; sizes: string };
    assert.equal(json.src, `/media/${json.id}/640.webp`);
    assert.equal(json.srcset, `/media/${json.id}/320.webp 320w, /media/${json.id}/640.webp 640w`);
    assert.equal(json.width, 640);
    assert.equal(json.height, 480);
    assert.equal(json.alt, 'Karte');
  });

  it('refuses a multipart form without a CSRF token, or with the token only after the file (the file is never read)', async () => {
    const photo = await photoWithGps(400, 300);
    const missing = await upload(editorCookie, () => [
      { name: 'alt', value: 'x' },
      { name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', data: photo },
    ]);
    assert.equal(missing.statusCode, 403, `missing ${missing.body.slice(0, 300)}`);
    const late = await upload(editorCookie, (token) => [
      { name: 'alt', value: 'x' },
      { name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', data: photo },
      { name: '_csrf', value: token },
    ]);
    assert.equal(late.statusCode, 403, `late ${late.body.slice(0, 300)}`);
    const wrong = await upload(editorCookie, () => [
      { name: '_csrf', value: 'forged' },
      { name: 'alt', value: 'x' },
      { name: 'file', filename: 'a.jpg', contentType: 'image/jpeg', data: photo },
    ]);
    assert.equal(wrong.statusCode, 403, `wrong ${wrong.body.slice(0, 300)}`);
  });

  it('refuses an SVG (even named .png) and a non-image with 422, the form again with the alt text and a clear message', async () => {
    for (const [filename, type, data] of [
      ['logo.png', 'image/png', SVG],
      ['liste.jpg', 'image/jpeg', Buffer.from('Name;Telefon\nAmt;123\n')],
    ] as const) {
      const res = await upload(editorCookie, (token) => [
        { name: '_csrf', value: token },
        { name: 'alt', value: 'Mein Bild' },
        { name: 'file', filename, contentType: type, data },
      ]);
      assert.equal(res.statusCode, 422, filename);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /Diese Datei ist kein Bild, das wir verarbeiten können/);
      assert.match(res.body, /name="alt" type="text" value="Mein Bild"/);
      assert.match(res.body, /aria-invalid="true"/);
    }
  });

  it('refuses a file over 10 MB with 422 and the limit in the message; no alt text is a field error too', async () => {
    const big = Buffer.alloc(MEDIA_MAX_BYTES + 1024, 0xff);
    const res = await upload(editorCookie, (token) => [
      { name: '_csrf', value: token },
      { name: 'alt', value: '' },
      { name: 'file', filename: 'riesig.jpg', contentType: 'image/jpeg', data: big },
    ]);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Die Datei ist zu groß\. Erlaubt sind höchstens 10 MB\./);
    assert.match(res.body, /href="#f-alt"/);
    const json = await upload(
      editorCookie,
      () => [{ name: 'alt', value: 'Bild' }],
      (token) => ({ 'x-csrf-token': token, accept: 'application/json' }),
    );
    assert.equal(json.statusCode, 422);
    assert.deepEqual(json.json(), { errors: { file: 'Bitte wählen Sie eine Bilddatei.' } });
  });

  it('permission page.edit: a translator and another region are refused', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/admin/regions/${region.id}/media`, headers: { cookie: translatorCookie } });
    assert.equal(res.statusCode, 403);
    const photo = await photoWithGps(400, 300);
    await assert.rejects(uploadMedia(t.db, editor, { regionId: other.id, filename: 'a.jpg', alt: 'a', data: photo }), ForbiddenError);
  });

  it('delete: 303 with a flash, variants gone, audited', async () => {
    const photo = await photoWithGps(400, 300);
    const row = await uploadMedia(t.db, editor, { regionId: region.id, filename: 'weg.jpg', alt: 'Weg', data: photo });
    assert.equal((await t.app.inject({ method: 'GET', url: `/media/${row.id}/320.webp` })).statusCode, 200);
    const auth = await csrfAndCookie(editorCookie);
    const res = await t.app.inject({
      method: 'POST',
      url: `/admin/regions/${region.id}/media/${row.id}/delete`,
      headers: { cookie: auth.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: auth.token }).toString(),
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await t.app.inject({ method: 'GET', url: `/media/${row.id}/320.webp` })).statusCode, 404);
    const audits = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'media.delete')));
    assert.equal(audits.length, 1);
    // Deleting it in another region's URL finds nothing.
    const again = await t.app.inject({
      method: 'POST',
      url: `/admin/regions/${region.id}/media/${row.id}/delete`,
      headers: { cookie: auth.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: auth.token }).toString(),
    });
    assert.equal(again.statusCode, 404);
  });
});
