package com.brandcluster.assets.asset;

/** What a brand asset is for. */
enum AssetKind { LOGO, GUIDELINE, TEMPLATE, FONT, PALETTE, PHOTO }
