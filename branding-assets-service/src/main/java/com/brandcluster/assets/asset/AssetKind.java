package com.brandcluster.assets.asset;

/** What a brand asset is for. */
public enum AssetKind { LOGO, GUIDELINE, TEMPLATE, FONT, PALETTE, PHOTO }
