/**
 * Images of a region's guide: upload (detected by content, never by name; no SVG), resized WebP variants with all
 * metadata (EXIF GPS, camera, ICC comments …) stripped, stored in the database so every app instance and every
 * backup has them, and the one HTML fragment that puts an image into a page (`imageHtml`).
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { assertCan, type Actor } from '../../platform/auth/permissions.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { findRegionWithPath, type RegionRow } from '../regions/index.js';
import {
  deleteMediaRow,
  findMediaInRegion,
  findMediaVariant,
  findMediaVariantHash,
  insertMedia,
  insertMediaVariants,
  listMediaOfRegion,
  type MediaRow,
  type MediaVariantRow,
} from './media-queries.js';

export type { MediaRow, MediaVariantRow };

/** Variant widths in CSS pixels; an image gets those not wider than itself (at least one). */
export const MEDIA_WIDTHS = [320, 640, 1024, 1600] as const;
export const MEDIA_MAX_MB = 10;
export const MEDIA_MAX_BYTES = MEDIA_MAX_MB * 1024 * 1024;
/** Decompression bombs: refuse images above this many pixels before decoding them. */
export const MEDIA_MAX_MEGAPIXELS = 50;
export const ALT_MAX = 300;
export const FILENAME_MAX = 200;
/** Raster formats we accept, as sharp names them. SVG (scripts, external references) is never accepted. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);
/** The width the `src` of an inserted image prefers (the `sizes` below never asks for more than 40rem at 1x). */
const DEFAULT_SRC_WIDTH = 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type MediaUploadInput = {
  regionId: string;
  /** The name the browser sent (shown in the library only; never used to decide anything). */
  filename: string;
  alt: string;
  data: Buffer;
  /** The upload went over the size limit and was cut off. */
  truncated?: boolean;
  requestId?: string | null;
};

/** A processed image, ready to store. */
export type ProcessedImage = {
  width: number;
  height: number;
  variants: { width: number; height: number; data: Buffer; hash: string }[];
};

async function loadRegion(db: Db, regionId: string): Promise<{ region: RegionRow; path: string[] }> {
  const found = UUID.test(regionId) ? await findRegionWithPath(db, regionId) : undefined;
  if (!found) throw new NotFoundError('region_not_found');
  return found;
}

async function loadRegionPath(db: Db, regionId: string): Promise<string[]> {
  return (await loadRegion(db, regionId)).path;
}

/**
 * Decodes an upload and makes the WebP variants. Throws ValidationError (field `file`) for anything that is not a
 * raster image we accept, whatever its name or declared type says.
 */
export async function processImage(data: Buffer): Promise<ProcessedImage> {
  const notImage = () => new ValidationError({ file: { key: 'editor.error_not_image' } });
  const limitInputPixels = MEDIA_MAX_MEGAPIXELS * 1_000_000;
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw notImage();
  }
  if (meta.format === undefined || !ACCEPTED_FORMATS.has(meta.format)) throw notImage();
  const oriented = meta.autoOrient;
  if (!oriented.width || !oriented.height) throw notImage();
  if (oriented.width * oriented.height > limitInputPixels) {
    throw new ValidationError({ file: { key: 'editor.error_too_many_pixels', params: { max: MEDIA_MAX_MEGAPIXELS } } });
  }
  const widths: number[] = MEDIA_WIDTHS.filter((w) => w <= oriented.width);
  if (widths.length === 0) widths.push(oriented.width);
  const variants: ProcessedImage['variants'] = [];
  try {
    for (const width of widths) {
      // autoOrient applies the EXIF orientation before the metadata goes; without keepMetadata/withMetadata sharp
      // writes no EXIF, XMP, IPTC or ICC chunks (colours are converted to sRGB).
      const { data: out, info } = await sharp(data, { limitInputPixels, animated: false, autoOrient: true })
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width, height: info.height, data: out, hash: createHash('sha256').update(out).digest('hex') });
    }
  } catch {
    throw notImage();
  }
  return { width: oriented.width, height: oriented.height, variants };
}

function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what we remove
  const base = name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'bild').slice(0, FILENAME_MAX);
}

/** Uploads an image into a region's library (permission page.edit). Audited as `media.upload`. */
export async function uploadMedia(db: Db, actor: Actor, input: MediaUploadInput): Promise<MediaRow> {
  const path = await loadRegionPath(db, input.regionId);
  assertCan(actor, 'page.edit', path);
  const alt = input.alt.trim();
  const errors: ValidationError['fields'] = {};
  if (input.truncated || input.data.length > MEDIA_MAX_BYTES) errors.file = { key: 'editor.error_too_large', params: { max: MEDIA_MAX_MB } };
  else if (input.data.length === 0) errors.file = { key: 'editor.error_file_required' };
  if (alt === '') errors.alt = { key: 'validation.required' };
  else if (alt.length > ALT_MAX) errors.alt = { key: 'validation.too_long', params: { max: ALT_MAX } };
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const image = await processImage(input.data);
  return db.transaction(async (tx) => {
    const row = await insertMedia(tx, {
      regionId: input.regionId,
      filename: cleanFilename(input.filename),
      alt,
      width: image.width,
      height: image.height,
      widths: image.variants.map((v) => v.width),
      bytes: input.data.length,
      createdBy: actor.id,
    });
    await insertMediaVariants(
      tx,
      image.variants.map((v) => ({ mediaId: row.id, width: v.width, contentType: 'image/webp', data: v.data, hash: v.hash })),
    );
    await recordAudit(tx, actor, {
      regionId: input.regionId,
      action: 'media.upload',
      entityType: 'media',
      entityId: row.id,
      before: null,
      after: mediaAuditView(row),
      requestId: input.requestId ?? null,
    });
    return row;
  });
}

function mediaAuditView(row: MediaRow): Record<string, unknown> {
  return { filename: row.filename, alt: row.alt, width: row.width, height: row.height, widths: row.widths, bytes: row.bytes };
}

/** The images of a region, newest first (permission page.edit: the library is the editor's picker). */
export async function listMedia(db: Db, actor: Actor, regionId: string): Promise<{ region: RegionRow; items: MediaRow[] }> {
  const { region, path } = await loadRegion(db, regionId);
  assertCan(actor, 'page.edit', path);
  return { region, items: await listMediaOfRegion(db, regionId) };
}

/** Deletes an image and its variants; pages that used it as their image lose it (FK set null). Audited. */
export async function deleteMedia(db: Db, actor: Actor, input: { regionId: string; id: string; requestId?: string | null }): Promise<MediaRow> {
  return db.transaction(async (tx) => {
    const path = await loadRegionPath(tx, input.regionId);
    assertCan(actor, 'page.edit', path);
    const row = UUID.test(input.id) ? await findMediaInRegion(tx, input.regionId, input.id) : undefined;
    if (!row) throw new NotFoundError('media_not_found');
    await deleteMediaRow(tx, input.regionId, input.id);
    await recordAudit(tx, actor, {
      regionId: input.regionId,
      action: 'media.delete',
      entityType: 'media',
      entityId: row.id,
      before: mediaAuditView(row),
      after: null,
      requestId: input.requestId ?? null,
    });
    return row;
  });
}

/** A variant for the public image route, or undefined. `withData: false` reads only the hash (for 304s). */
export async function getMediaVariant(db: Db, id: string, width: number): Promise<MediaVariantRow | undefined> {
  if (!UUID.test(id) || !Number.isInteger(width)) return undefined;
  return findMediaVariant(db, id, width);
}

/** The hash and type of a variant, without its bytes. */
export async function getMediaVariantHash(db: Db, id: string, width: number): Promise<{ hash: string; contentType: string } | undefined> {
  if (!UUID.test(id) || !Number.isInteger(width)) return undefined;
  return findMediaVariantHash(db, id, width);
}

export function mediaUrl(id: string, width: number): string {
  return `/media/${id}/${width}.webp`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What `imageHtml` needs of a stored image. */
export type MediaForHtml = Pick<MediaRow, 'id' | 'width' | 'height' | 'widths' | 'alt'>;

/** The `<img>` fields of an image: the src (1024 px, or the widest below it), srcset, sizes and the scaled size. */
export function imageAttributes(m: MediaForHtml, alt = m.alt): { src: string; srcset: string; sizes: string; width: number; height: number; alt: string } {
  const widths = [...m.widths].sort((a, b) => a - b);
  const srcWidth = widths.filter((w) => w <= DEFAULT_SRC_WIDTH).at(-1) ?? widths[0] ?? m.width;
  const height = Math.max(1, Math.round((m.height * srcWidth) / Math.max(1, m.width)));
  return {
    src: mediaUrl(m.id, srcWidth),
    srcset: widths.map((w) => `${mediaUrl(m.id, w)} ${w}w`).join(', '),
    sizes: '(max-width: 40rem) 100vw, 40rem',
    width: srcWidth,
    height,
    alt,
  };
}

/** The HTML the editor inserts for an image; `sanitizeRichText` keeps it exactly as it is. */
export function imageHtml(m: MediaForHtml, alt = m.alt): string {
  const a = imageAttributes(m, alt);
  return `<img src="${a.src}" srcset="${a.srcset}" sizes="${a.sizes}" alt="${escapeAttribute(a.alt)}" width="${a.width}" height="${a.height}" loading="lazy" />`;
}
