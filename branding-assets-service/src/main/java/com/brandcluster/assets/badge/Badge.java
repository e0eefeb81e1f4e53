package com.brandcluster.assets.badge;

/**
 * What a member's badge shows.
 *
 * @param clusterName the cluster's name ("China Lighting Brand Cluster")
 * @param checkUrl    where the badge's QR code leads: the licence check
 */
record Badge(String clusterName, String enterpriseName, String memberNumber, String licenceId, String checkUrl) {

    String headline() {
        return "Member of the " + clusterName;
    }

    String headlineInChinese() {
        return "品牌集群成员";
    }

    String memberLine() {
        return "Member No. " + memberNumber;
    }

    String licenceLine() {
        return "Licence " + licenceId;
    }
}
