// The vendor's catalog: products (base or add-on), their dated releases and their features.

/** A base product is licensed on its own; an add-on needs a license of one of its required products. */
export const PRODUCT_KINDS = ['BASE', 'ADD_ON'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** Internal (the vendor's own staff) or external (customers); used by effective-license ranking. */
export const PRODUCT_AUDIENCES = ['INTERNAL', 'EXTERNAL'] as const;
export type ProductAudience = (typeof PRODUCT_AUDIENCES)[number];

/** A product code: lowercase slug, 1–64 characters, e.g. `cad-studio`. */
export const PRODUCT_CODE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** A feature (entitlement) code: SCREAMING_SNAKE, 1–64 characters, e.g. `EXPORT_PDF`. */
export const FEATURE_CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;

export interface Product {
  id: string;
  accountId: string;
  code: string;
  name: string;
  kind: ProductKind;
  /** For ADD_ON: the base products one of which must be licensed too. Empty for BASE. */
  requiresProductIds: string[];
  /** License generation (1, 2, …): allocation keeps only the latest generation. */
  generation: number;
  /** Higher rank wins when licenses overlap. */
  rank: number;
  audience: ProductAudience;
}

/** What a caller supplies to create a product; omitted members take the defaults of validation. */
export interface ProductInput {
  code: string;
  name: string;
  kind?: ProductKind;
  requiresProductIds?: string[];
  generation?: number;
  rank?: number;
  audience?: ProductAudience;
}

/** A published version of a product; its date decides maintenance coverage. */
export interface Release {
  id: string;
  productId: string;
  /** A strict semantic version without a `v` prefix, e.g. `2.4.0` or `3.0.0-rc.1`. */
  version: string;
  releasedAt: Date;
}

export interface ReleaseInput {
  version: string;
  releasedAt: Date | string;
}

/** The optional typed value of a feature or entitlement, e.g. a limit of 5 projects. */
export type FeatureValue = number | string | boolean;

export interface Feature {
  id: string;
  productId: string;
  code: string;
  name: string;
  /** The default value granted with the feature (e.g. a numeric limit); absent = plain on/off. */
  value?: FeatureValue;
}

export interface FeatureInput {
  code: string;
  name: string;
  value?: FeatureValue;
}
