package com.brandcluster.assets.download;

/** How a version was downloaded: its file, a rendition of it, or inside a cluster's kit zip. */
public enum DownloadChannel { CONTENT, RENDITION, KIT }
