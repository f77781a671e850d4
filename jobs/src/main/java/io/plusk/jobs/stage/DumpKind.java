package io.plusk.jobs.stage;

import io.plusk.common.ingest.ComplianceNotice;
import io.plusk.common.ingest.ComplianceNotices;
import io.plusk.common.ingest.EngagementEvent;
import io.plusk.common.ingest.EventIds;
import io.plusk.common.ingest.EventParsers;
import io.plusk.common.ingest.OptOutEvent;
import io.plusk.common.ingest.ParsedTweet;
import io.plusk.common.ingest.PlusKEvent;
import io.plusk.common.ingest.Rejection;
import io.plusk.common.ingest.RemovalEvent;
import io.plusk.common.ingest.TweetParser;
import io.plusk.common.ingest.UserProfile;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Columns;
import io.plusk.jobs.io.RawLines.Line;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** The dump kinds of the input root, each with its folder, its table and its line parser. */
enum DumpKind {
  TWEETS("tweets", Tables.POSTS),
  ENGAGEMENTS("engagements", Tables.ENGAGEMENT_EVENTS),
  PLUSK("plusk", Tables.PLUSK_EVENTS),
  REMOVALS("removals", Tables.REMOVAL_EVENTS),
  USERS("users", Tables.USERS),
  OPT_OUTS("optouts", Tables.OPT_OUT_EVENTS),
  /** Platform compliance files: post deletions to honour (the tweets dump carries notices of its own too). */
  DELETIONS("deletions", Tables.COMPLIANCE_EVENTS);

  final String folder;
  final String table;

  DumpKind(String folder, String table) {
    this.folder = folder;
    this.table = table;
  }

  /**
   * The rows a line of this kind parses to: the table's columns; a users line also keeps when and where it was
   * written, so that of several profiles of one user the newest wins on every run (see {@code IngestJob}).
   */
  StructType schema() {
    StructType tableSchema = Tables.schemaOf(table);
    return this != USERS ? tableSchema : tableSchema
        .add("updated_at", org.apache.spark.sql.types.DataTypes.TimestampType, true)
        .add("source_file", org.apache.spark.sql.types.DataTypes.StringType, false)
        .add("line_no", org.apache.spark.sql.types.DataTypes.LongType, false);
  }

  /** The index of {@code line_no} in this kind's rows. */
  int lineNoField() {
    return schema().fieldIndex("line_no");
  }

  /** The index of {@code line_no} in the compliance notices a tweets line can carry. */
  static int noticeLineNoField() {
    return Tables.COMPLIANCE_EVENTS_SCHEMA.fieldIndex("line_no");
  }

  /**
   * Parses one line. {@code latestAllowed} is the newest timestamp a record of this run may carry; anything later is
   * quarantined as {@code future_timestamp}.
   */
  LineParser parser(int maxTextChars, Instant latestAllowed) {
    return new LineParser(this, maxTextChars, latestAllowed);
  }

  static final class LineParser implements Serializable {
    private static final long serialVersionUID = 1L;
    private final DumpKind kind;
    private final int maxTextChars;
    private final Instant latestAllowed;
    private transient TweetParser tweetParser;

    LineParser(DumpKind kind, int maxTextChars, Instant latestAllowed) {
      this.kind = kind;
      this.maxTextChars = maxTextChars;
      this.latestAllowed = latestAllowed;
    }

    ParsedLine parse(Line line) {
      if (line.isSplitEnd()) {
        return ParsedLine.splitEnd(line);
      }
      if (line.defect() != null) {
        return ParsedLine.rejected(line, line.defect(), line.detail());
      }
      try {
        if (kind == TWEETS && ComplianceNotices.mayBeNotice(line.text())) {
          ComplianceNotice notice = ComplianceNotices.inStream(line.text());
          if (notice != null) {
            return ParsedLine.notice(line, complianceRow(notice, line));
          }
        }
        return ParsedLine.accepted(line, rows(line));
      } catch (Rejection r) {
        return ParsedLine.rejected(line, r.reason(), r.detail());
      } catch (RuntimeException e) {
        // A parser bug must not lose the record: quarantine it with the exception so it can be replayed.
        return ParsedLine.rejected(line, "parser_error", e.toString());
      }
    }

    private List<Row> rows(Line line) throws Rejection {
      String file = line.file();
      long no = line.lineNo();
      switch (kind) {
        case TWEETS -> {
          if (tweetParser == null) {
            tweetParser = new TweetParser(maxTextChars);
          }
          List<Row> out = new ArrayList<>(3);
          for (ParsedTweet t : tweetParser.parse(line.text())) {
            if (!t.embedded()) {
              notInFuture(t.createdAt(), "created_at");
            }
            out.add(RowFactory.create(t.postId(), t.userId(), t.screenName(), Timestamp.from(t.createdAt()),
                t.text(), t.lang(), Columns.array(t.hashtags()), Columns.array(t.mentionUserIds()), t.replyToPostId(), t.replyToUserId(),
                t.retweetOfPostId(), t.quoteOfPostId(), t.embedded(), file, no, t.authorProtected()));
          }
          return out;
        }
        case ENGAGEMENTS -> {
          EngagementEvent e = EventParsers.engagement(line.text());
          notInFuture(e.ts(), "ts");
          String id = EventIds.of(e.type(), e.actorId(), e.postId(), e.targetUserId(), e.ts());
          return List.of(RowFactory.create(id, e.type(), e.actorId(), e.postId(), e.targetUserId(),
              Timestamp.from(e.ts()), "event", file, no));
        }
        case PLUSK -> {
          PlusKEvent k = EventParsers.plusK(line.text());
          notInFuture(k.ts(), "ts");
          return List.of(RowFactory.create(k.giverId(), k.receiverId(), k.topic(), Timestamp.from(k.ts()), file,
              no));
        }
        case REMOVALS -> {
          RemovalEvent r = EventParsers.removal(line.text());
          notInFuture(r.ts(), "ts");
          return List.of(RowFactory.create(r.userId(), r.topic(), r.action(), Timestamp.from(r.ts()), file, no));
        }
        case OPT_OUTS -> {
          OptOutEvent o = EventParsers.optOut(line.text());
          notInFuture(o.ts(), "ts");
          return List.of(RowFactory.create(o.userId(), o.action(), Timestamp.from(o.ts()), file, no));
        }
        case DELETIONS -> {
          return List.of(complianceRow(ComplianceNotices.deletion(line.text()), line));
        }
        case USERS -> {
          UserProfile u = EventParsers.user(line.text());
          return List.of(RowFactory.create(u.userId(), u.screenName(), u.country(), u.lang(), u.followers(),
              u.updatedAt() == null ? null : Timestamp.from(u.updatedAt()), file, no));
        }
        default -> throw new IllegalStateException("Unhandled dump kind " + kind);
      }
    }

    private Row complianceRow(ComplianceNotice n, Line line) throws Rejection {
      if (n.ts() != null) {
        notInFuture(n.ts(), "ts");
      }
      return RowFactory.create(n.notice(), n.postId(), n.userId(), n.upToPostId(), Columns.array(n.countries()),
          n.ts() == null ? null : Timestamp.from(n.ts()), kind.folder, line.file(), line.lineNo());
    }

    private void notInFuture(Instant ts, String field) throws Rejection {
      if (ts.isAfter(latestAllowed)) {
        throw new Rejection("future_timestamp", field + " " + ts + " is after " + latestAllowed);
      }
    }
  }
}
