package io.plusk.common.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One status from a tweets dump. {@code embedded} marks a status found inside another one (the original of a
 * retweet or a quote): it is a post, but not an action taken that day.
 */
public record ParsedTweet(
    String postId,
    String userId,
    String screenName,
    Instant createdAt,
    String text,
    String lang,
    List<String> hashtags,
    List<String> mentionUserIds,
    List<String> mentionScreenNames,
    String replyToPostId,
    String replyToUserId,
    String retweetOfPostId,
    String retweetOfUserId,
    String quoteOfPostId,
    String quoteOfUserId,
    boolean embedded,
    boolean authorProtected)
    implements Serializable {}
