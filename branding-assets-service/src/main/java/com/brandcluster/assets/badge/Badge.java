package com.brandcluster.assets.badge;

/**
 * What a member's badge shows.
 *
 * @param checkUrl where the badge's QR code leads: the licence check
 */
record Badge(String clusterId, String enterpriseName, String memberNumber, String licenceId, String checkUrl) {

    String headline() {
        return "Member of brand cluster / 品牌集群成员";
    }

    String memberLine() {
        return "Member No. " + memberNumber;
    }

    String licenceLine() {
        return "Licence " + licenceId;
    }
}
