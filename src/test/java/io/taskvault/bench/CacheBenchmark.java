package io.taskvault.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.bson.Document;
import org.bson.UuidRepresentation;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import io.taskvault.TaskvaultApplication;
import io.taskvault.context.AiInteraction;
import io.taskvault.context.CodebaseContext;
import io.taskvault.context.ContextService;
import io.taskvault.context.PromptContextService;
import io.taskvault.context.RequirementContext;
import io.taskvault.context.ValidationResult;
import io.taskvault.context.ValidationStatus;
import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeType;
import io.taskvault.graph.NextTaskPicker;
import io.taskvault.store.EmbeddedStore;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;

/**
 * The reads issue 21.8 caches, uncached ({@code spring.cache.type=none}) and cached (Caffeine), on one embedded store
 * loaded once: a few thousand tasks cloned by {@link BulkLoader} (10 events and 2 outputs each, in every state) with a
 * random blocks DAG of one edge per task, and 10 tasks with three completed dependencies (an output and a note each)
 * and a dozen requirement, codebase, validation and AI interaction records, written through the services. Each read is called repeatedly as agents
 * and orchestrators do (five calls in a row per task or filter, no write between), then with a write before every
 * call (every cached call a miss).
 * Per read: wall p50/p99, process CPU per call (the embedded server runs in this JVM, so its work counts) and commands
 * sent to the store per call (a driver command listener).
 * Run: {@code src/test/bench/run.sh CacheBenchmark [tasks=3000] [calls=100]}
 */
public final class CacheBenchmark {

    private static final String[] ROLES = {"backend", "frontend", "qa", "ops", "docs"};
    private static final String[] PROVIDERS = {"claude", "codex"};
    private static final int PROMPT_TASKS = 10;
    private static final int REPEAT = 5;
    private static final AtomicLong COMMANDS = new AtomicLong();

    private CacheBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int taskCount = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-caches-");
        //why: system properties win over application.yml (builder properties do not)
        System.setProperty("taskvault.store.path", folder.resolve("taskvault.mv").toString());
        System.setProperty("taskvault.scheduling.enabled", "false");
        List<String> promptKeys = null;
        List<String> lines = new ArrayList<>();
        for (String type : List.of("none", "caffeine")) {
            System.setProperty("spring.cache.type", type);
            try (ConfigurableApplicationContext app = start()) {
                if (promptKeys == null) {
                    promptKeys = load(app, taskCount);
                }
                measure(app, type, promptKeys, calls, lines);
            }
        }
        System.out.printf("%n%d tasks, %d calls per read; wall times are noise on a loaded machine, compare CPU and store"
                + " commands%n%-9s %-44s %17s %12s %13s %12s%n", taskCount, calls, "cache", "read", "wall p50/p99 ms",
                "CPU ms/call", "store cmds/call", "from cache");
        lines.forEach(System.out::println);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TaskvaultApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).properties("spring.shell.interactive.enabled=false", "logging.level.root=warn")
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(countingClient(context)))
                .run();
    }

    /** The store's client again, with a listener counting every command it sends. */
    private static BeanPostProcessor countingClient(ConfigurableApplicationContext context) {
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                COMMANDS.incrementAndGet();
            }
        };
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof MongoClient client) || !name.equals("mongoClient")) {
                    return bean;
                }
                client.close();
                String uri = context.getBeanFactory().getBean(EmbeddedStore.class).connectionString();
                return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                        .uuidRepresentation(UuidRepresentation.STANDARD)
                        .applyToSocketSettings(socket -> socket.connectTimeout(0, TimeUnit.MILLISECONDS))
                        .addCommandListener(counter).build());
            }
        };
    }

    private static void measure(ConfigurableApplicationContext app, String type, List<String> promptKeys, int calls,
                                List<String> lines) {
        PromptContextService prompts = app.getBean(PromptContextService.class);
        NextTaskPicker picker = app.getBean(NextTaskPicker.class);
        TaskService tasks = app.getBean(TaskService.class);
        List<String[]> filters = new ArrayList<>();
        filters.add(new String[] {null, null});
        for (String role : ROLES) {
            filters.add(new String[] {role, null});
            filters.add(new String[] {role, PROVIDERS[filters.size() % 2]});
        }
        String noted = tasks.create(TaskDraft.titled("written to between reads"), "bench").getKey();
        //why: a caller asks again soon (an agent re-reading its context, orchestrators polling): REPEAT calls in a row
        //    per key; the cache keeps an answer a second, and on this loaded machine one call can take longer
        IntConsumer prompt = i -> prompts.export(promptKeys.get(i / REPEAT % promptKeys.size()), 24_000, "markdown");
        IntConsumer health = i -> prompts.health(promptKeys.get(i / REPEAT % promptKeys.size()));
        IntConsumer next = i -> picker.next(filters.get(i / REPEAT % filters.size())[0],
                filters.get(i / REPEAT % filters.size())[1], null);
        IntConsumer write = i -> tasks.addNote(noted, "note " + i, "bench");
        lines.add(time(type, "prompt context (" + promptKeys.size() + " tasks, " + REPEAT + " calls each)", calls, prompt, null));
        lines.add(time(type, "context health (same tasks)", calls, health, null));
        lines.add(time(type, "next task (" + filters.size() + " filters, " + REPEAT + " calls each)", calls, next, null));
        lines.add(time(type, "prompt context, a write before each call", calls / 4, prompt, write));
        lines.add(time(type, "next task, a write before each call", calls / 4, next, write));
    }

    /**
     * Times {@code calls} reads after a short warm-up; the writes before them are not timed. A call that sent no
     * command to the store counts as served from the cache.
     */
    private static String time(String type, String read, int calls, IntConsumer call, IntConsumer before) {
        for (int i = 0; i < REPEAT; i++) {
            call.accept(i);
        }
        Percentiles wall = new Percentiles(calls);
        long cpu = 0;
        long commands = 0;
        int served = 0;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < calls; i++) {
            if (before != null) {
                before.accept(i);
            }
            long cpuStart = os.getProcessCpuTime();
            long commandsStart = COMMANDS.get();
            long start = System.nanoTime();
            call.accept(i);
            wall.add(System.nanoTime() - start);
            commands += COMMANDS.get() - commandsStart;
            served += COMMANDS.get() == commandsStart ? 1 : 0;
            cpu += os.getProcessCpuTime() - cpuStart;
        }
        String line = String.format("%-9s %-44s %17s %12.2f %13.1f %9d/%d", type, read, wall.p50p99(), cpu / 1e6 / calls,
                (double) commands / calls, served, calls);
        System.err.println(line);
        return line;
    }

    /** Returns the keys of the tasks whose prompt context is read. */
    private static List<String> load(ConfigurableApplicationContext app, int count) throws Exception {
        TaskService tasks = app.getBean(TaskService.class);
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        long start = System.nanoTime();
        new BulkLoader(tasks, mongo.getDb()).load(count, "bulk load");
        List<String> ids = mongo.getCollection(Task.COLLECTION).find().projection(new Document("_id", 1))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
        Random random = new Random(21);
        GraphBenchmark.seed(mongo, ids, count, random);
        List<String> promptKeys = parallel(PROMPT_TASKS, i -> withContext(app, i, random));
        System.err.printf("loaded %d tasks, %d edges, %d tasks with context in %.0f s%n",
                mongo.getCollection(Task.COLLECTION).countDocuments(), app.getBean(DependencyGraph.class).edgeCount(),
                PROMPT_TASKS, (System.nanoTime() - start) / 1e9);
        return promptKeys;
    }

    private static TaskDraft draft(String title, Random random) {
        return TaskDraft.builder(title).description("Write the code, the tests and the docs for this part; keep the build green.")
                .role(ROLES[random.nextInt(ROLES.length)]).priority(Priority.values()[random.nextInt(4)])
                .tags(List.of("bench", "wave-" + random.nextInt(10))).ai(PROVIDERS[random.nextInt(2)], "sonnet")
                .repository("https://git.example.com/app.git", "feature/x", "main").targetDir(".").fullAccess(false)
                .requirements(Map.of("api", "POST /api/login"))
                .acceptanceCriteria(Map.of("tests", "integration tests for login and refresh"))
                .affectedFiles(List.of("src/App.java")).complexityScore(random.nextInt(1, 11))
                .groups("STORY-1", "EPIC-1", "developer").build();
    }

    /** A task with three completed dependencies (an output and a note each) and a dozen context records. */
    private static String withContext(ConfigurableApplicationContext app, int n, Random random) {
        TaskService tasks = app.getBean(TaskService.class);
        DependencyGraph graph = app.getBean(DependencyGraph.class);
        ContextService context = app.getBean(ContextService.class);
        String key = tasks.create(draft("login part " + n, random), "bench").getKey();
        for (int d = 0; d < 3; d++) {
            String dependency = tasks.create(draft("dependency " + d + " of login part " + n, random), "bench").getKey();
            tasks.transition(dependency, TaskState.QUEUED, "bench", "picked");
            tasks.transition(dependency, TaskState.RUNNING, "bench", "started");
            byte[] output = ("compiling 12 files\n" + "all 48 tests passed\n".repeat(40)).getBytes(StandardCharsets.UTF_8);
            tasks.appendOutput(dependency, new OutputDraft(OutputType.STDOUT, () -> new java.io.ByteArrayInputStream(output),
                    null, null, null, null), "agent");
            tasks.addNote(dependency, "configured per (ip, username)", "agent");
            tasks.transition(dependency, TaskState.COMPLETED, "bench", "done");
            graph.addEdge(dependency, EdgeType.BLOCKS, key, "bench");
        }
        context.add(key, RequirementContext.of("functional", Map.of("flows", List.of("login", "logout")), "PRD-12"));
        context.add(key, RequirementContext.of("security", Map.of("hash", "bcrypt"), "PRD-13"));
        context.add(key, CodebaseContext.of("git@example.com:shop/app.git", "9f2c1e7",
                List.of("auth/LoginController.java"), List.of("LoginController#login")));
        for (int v = 0; v < 3; v++) {
            context.add(key, ValidationResult.of("tests", "junit", v == 2 ? ValidationStatus.FAILED : ValidationStatus.PASSED,
                    71.0, Map.of("failed", List.of("LoginIT.lockout")), List.of("Return 429 with Retry-After")));
        }
        for (int a = 0; a < 4; a++) {
            context.add(key, AiInteraction.of("codegen", "prompt", "Implement step " + a + " of the login",
                    "Added step " + a + " ".repeat(20) + "with tests", 5_400, 41_000, true, "sess-" + a));
        }
        return key;
    }

    private interface Step {
        String run(int i) throws Exception;
    }

    private static List<String> parallel(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> step.run(n)));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
