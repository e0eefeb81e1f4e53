package com.brandcluster.assets.asset;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The assets' background work: removing orphaned uploads ({@link OrphanFiles}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AssetConfiguration {
}
