package io.taskvault.context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Scores a task's context: what an agent would miss, and how much each gap costs. */
@Component
class ContextHealthScorer {

    static final int NO_ACCEPTANCE = 25;
    static final int NO_REQUIREMENTS = 20;
    static final int PER_FAILING_VALIDATION = 15;
    static final int MAX_FAILING_VALIDATIONS = 30;
    static final int STALE = 15;
    static final int NO_CODEBASE = 10;
    static final int AI_FAILURES = 10;

    private final Clock clock;
    private final ContextProperties properties;

    ContextHealthScorer(Clock clock, ContextProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    ContextHealth score(ContextSnapshot snapshot) {
        List<ContextHealth.Reason> reasons = new ArrayList<>();
        if (snapshot.task().getAcceptanceCriteria().isEmpty() && snapshot.requirements().stream().noneMatch(
                ContextHealthScorer::isAcceptance)) {
            reasons.add(new ContextHealth.Reason("missing-acceptance-criteria",
                    "missing acceptance criteria: an agent cannot tell when it is done", NO_ACCEPTANCE));
        }
        if (snapshot.task().getRequirements().isEmpty() && snapshot.requirements().isEmpty()) {
            reasons.add(new ContextHealth.Reason("no-requirements",
                    "no requirements: neither on the task nor as requirement context", NO_REQUIREMENTS));
        }
        List<ValidationResult> failing = snapshot.latestPerValidator().stream().filter(v -> v.status().failing()).toList();
        if (!failing.isEmpty()) {
            reasons.add(new ContextHealth.Reason("failing-validations", "failing validations: " + failing.stream()
                    .map(v -> v.validator() + " " + v.type() + " " + v.status()).collect(Collectors.joining(", ")),
                    Math.min(MAX_FAILING_VALIDATIONS, failing.size() * PER_FAILING_VALIDATION)));
        }
        Optional<Instant> newest = snapshot.newestRecord();
        Duration limit = properties.staleAfter();
        if (newest.isEmpty()) {
            reasons.add(new ContextHealth.Reason("stale-context", "stale context: no context records at all", STALE));
        } else if (Duration.between(newest.get(), clock.instant()).compareTo(limit) > 0) {
            reasons.add(new ContextHealth.Reason("stale-context", "stale context: the newest record is "
                    + Duration.between(newest.get(), clock.instant()).toDays() + " days old (limit " + limit.toDays()
                    + " days)", STALE));
        }
        if (snapshot.codebase().isEmpty() && snapshot.task().getAffectedFiles().isEmpty()) {
            reasons.add(new ContextHealth.Reason("no-codebase-context",
                    "no codebase context: no affected files, symbols or repository", NO_CODEBASE));
        }
        long recentFailures = snapshot.interactions().stream().limit(5).filter(AiInteraction::failed).count();
        if (recentFailures >= 2) {
            reasons.add(new ContextHealth.Reason("ai-failures",
                    recentFailures + " of the last " + Math.min(5, snapshot.interactions().size())
                            + " AI interactions failed", AI_FAILURES));
        }
        int score = Math.max(0, 100 - reasons.stream().mapToInt(ContextHealth.Reason::penalty).sum());
        return new ContextHealth(snapshot.task().getKey(), score, List.copyOf(reasons));
    }

    /** Requirement context of type acceptance (or acceptance-criteria, Acceptance_Criteria …) states when it is done. */
    private static boolean isAcceptance(RequirementContext requirement) {
        return requirement.type() != null && requirement.type().strip().toLowerCase(Locale.ROOT).startsWith("acceptance");
    }
}
