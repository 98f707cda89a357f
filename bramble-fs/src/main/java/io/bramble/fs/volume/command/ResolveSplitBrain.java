package io.bramble.fs.volume.command;

import io.bramble.fs.heal.FavoriteChildPolicy;
import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.heal.SetHealer;
import io.bramble.fs.heal.SourceRule;
import io.bramble.fs.heal.SplitBrainChoice;
import io.bramble.fs.heal.SplitBrainListener;
import io.bramble.fs.heal.SplitBrainResolution;
import io.bramble.fs.heal.SplitBrainResolution.Result;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.ReplicateOptions;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.heal.SetConnections;
import io.bramble.fs.volume.spec.BrickEndpoint;
import io.bramble.fs.volume.status.PendingReport;
import io.bramble.fs.volume.status.PendingReportCodec;
import io.bramble.fs.volume.text.SplitBrainHealText;
import io.bramble.pool.wire.Message.CommandReply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * {@code volume heal NAME split-brain bigger-file FILE}, {@code latest-mtime FILE} and
 * {@code source-brick HOST:PATH [FILE]}, run on the node that got the command: it connects to
 * the copies of the replica sets concerned, as the heal worker does, and heals each file in
 * split-brain from the copy the rule chooses ({@link SetHealer#resolve}). A FILE is looked
 * for in every replica set of the volume ({@code source-brick}: in the brick's set); without
 * FILE, the files the indexes of the brick's set list are examined, at most
 * {@link PendingReportCodec#SHOWN_MAX} a brick, and those in split-brain healed from the
 * brick.
 */
final class ResolveSplitBrain {
    /** Which answer a FILE gets when the volume's sets answer differently, first first. */
    private static final List<Result> TELLING = List.of(Result.HEALED, Result.FAILED,
            Result.FOLDER, Result.REFUSED, Result.NOT_IN_SPLIT_BRAIN, Result.COPIES_AWAY,
            Result.NOT_FOUND);

    private ResolveSplitBrain() {
    }

    static CommandReply run(VolumeContext ctx, VolumeSpec volume, HealRequest request) {
        List<Integer> everySet = IntStream.range(0, volume.subvolumeCount()).boxed().toList();
        return switch (request) {
            case HealRequest.BiggerFile r -> file(ctx, volume, r.file(), everySet,
                    SplitBrainChoice.biggerFile(), "bigger-file");
            case HealRequest.LatestMtime r -> file(ctx, volume, r.file(), everySet,
                    SplitBrainChoice.latestMtime(), "latest-mtime");
            case HealRequest.SourceBrick r -> sourceBrick(ctx, volume, r);
            default -> throw new IllegalArgumentException("not a split-brain heal: " + request);
        };
    }

    private static CommandReply sourceBrick(VolumeContext ctx, VolumeSpec volume,
            HealRequest.SourceBrick request) {
        List<Brick> bricks = volume.bricks();
        int index = IntStream.range(0, bricks.size()).filter(i -> bricks.get(i).shown().equals(
                request.brick())).findFirst().orElseThrow(() -> VolumeFailure.failed(
                        SplitBrainHealText.noSuchBrick(request.brick()) + "\n"
                                + SplitBrainHealText.VOLUME_HEAL_FAILED));
        int set = index / volume.replicaCount();
        int copy = index % volume.replicaCount();
        return request.file().isPresent()
                ? file(ctx, volume, request.file().get(), List.of(set), SplitBrainChoice
                        .sourceBrick(copy), "source-brick")
                : wholeBrick(ctx, volume, set, copy);
    }

    private static CommandReply file(VolumeContext ctx, VolumeSpec volume, String file,
            List<Integer> sets, SourceRule rule, String ruleWord) {
        FsPath path = volumePath(file).orElseThrow(() -> VolumeFailure.failed(
                SplitBrainHealText.NOT_ABSOLUTE + "\n" + SplitBrainHealText.VOLUME_HEAL_FAILED));
        List<BrickEndpoint> endpoints = ctx.endpoints(volume);
        List<SplitBrainResolution> answers = new ArrayList<>();
        for (int set : sets) {
            try (SetConnections copies = ctx.connect(volume, endpoints, set)) {
                answers.add(healer(copies, volume).resolve(path, rule));
            }
        }
        SplitBrainResolution answer = mostTelling(answers);
        String line = SplitBrainHealText.line(file, answer, ruleWord);
        if (answer.result() != Result.HEALED) {
            throw VolumeFailure.failed(line + "\n" + SplitBrainHealText.VOLUME_HEAL_FAILED);
        }
        return Replies.ok(line + "\n");
    }

    /** Every file in split-brain that the indexes of set {@code set} list, from {@code copy}. */
    private static CommandReply wholeBrick(VolumeContext ctx, VolumeSpec volume, int set,
            int copy) {
        List<PendingReport> indexes = volume.replicaSet(set).stream().map(ctx::pendingReport)
                .toList();
        if (!indexes.get(copy).reachable()) {
            throw VolumeFailure.failed(SplitBrainHealText.fromBrickUnreachable()
                    + SplitBrainHealText.VOLUME_HEAL_FAILED);
        }
        SortedSet<String> listed = new TreeSet<>();
        indexes.stream().filter(PendingReport::reachable).forEach(r -> listed.addAll(r
                .shown()));
        StringBuilder out = new StringBuilder();
        long healed = 0;
        try (SetConnections copies = ctx.connect(volume, ctx.endpoints(volume), set)) {
            if (!copies.allConnected()) {
                throw VolumeFailure.failed(SplitBrainHealText.fromBrickUnreachable()
                        + SplitBrainHealText.VOLUME_HEAL_FAILED);
            }
            SetHealer healer = healer(copies, volume);
            SourceRule rule = SplitBrainChoice.sourceBrick(copy);
            for (String file : listed) {
                Optional<FsPath> path = volumePath(file);
                if (path.isEmpty()) {
                    continue;
                }
                SplitBrainResolution answer = healer.resolve(path.get(), rule);
                if (answer.result() == Result.NOT_IN_SPLIT_BRAIN
                        || answer.result() == Result.NOT_FOUND) {
                    continue; // self-heal's, or gone since the index was read
                }
                healed += answer.result() == Result.HEALED ? 1 : 0;
                out.append(SplitBrainHealText.line(file, answer, "source-brick")).append('\n');
            }
        }
        out.append(SplitBrainHealText.fromBrickEnd(healed));
        boolean partial = indexes.stream().anyMatch(r -> r.count() > r.shown().size());
        return Replies.ok(out.toString(), partial
                ? "note: only the first " + PendingReportCodec.SHOWN_MAX + " files of each"
                        + " brick's index were examined; run the command again once self-heal"
                        + " has healed the others\n"
                : "");
    }

    /** The answer a FILE gets from its answers in each set: the most telling one. */
    static SplitBrainResolution mostTelling(List<SplitBrainResolution> answers) {
        return answers.stream().min(Comparator.comparingInt(a -> TELLING.indexOf(a.result())))
                .orElseThrow();
    }

    /**
     * FILE as a path from the volume's root ({@code /dir/file}, a trailing {@code /} allowed);
     * empty when it is not one.
     */
    static Optional<FsPath> volumePath(String file) {
        String trimmed = file.length() > 1 && file.endsWith("/")
                ? file.substring(0, file.length() - 1)
                : file;
        try {
            return Optional.of(FsPath.parse(trimmed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A healer of one set that settles files as a user asks, never from its arbiter. */
    private static SetHealer healer(SetConnections copies, VolumeSpec volume) {
        return new SetHealer(copies.ops(), -1, new HealProgress(), FavoriteChildPolicy.NONE,
                SplitBrainListener.NONE, volume.arbiterInSet(), ReplicateOptions.fromVolume(
                        volume.options()).quorum());
    }
}
