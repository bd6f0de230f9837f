package org.audotics.recommender.hybrid.quality;

/**
 * Metrics of one ranking run over the users with held-out items.
 *
 * @param ndcg10          uniform NDCG@10: binary gains
 * @param recall20        uniform Recall@20: hits / min(20, held-out items)
 * @param weightedNdcg10  NDCG@10 with each held-out item's gain its held-out play count (ideal: by plays, descending)
 * @param weightedRecall20 held-out plays of the hits / plays of the min(20, n) most played held-out items
 * @param coverage10      distinct items in any top 10 / all items
 * @param diversity10     intra-list diversity: mean over users of 1 − mean pairwise listener cosine in the top 10
 */
record Quality(double ndcg10, double recall20, double weightedNdcg10, double weightedRecall20, double coverage10,
               double diversity10) {

    double pick(boolean weighted) {
        return weighted ? weightedNdcg10 : ndcg10;
    }
}
