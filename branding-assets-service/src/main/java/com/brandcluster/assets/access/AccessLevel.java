package com.brandcluster.assets.access;

/**
 * Who may use an asset's published versions (the secretariat of its cluster always may): PUBLIC anyone, MEMBERS the
 * enterprises whose membership of the cluster is in good standing, TIER those of them whose tier's asset access rank
 * reaches the asset's minimum, SECRETARIAT nobody else.
 */
public enum AccessLevel { PUBLIC, MEMBERS, TIER, SECRETARIAT }
