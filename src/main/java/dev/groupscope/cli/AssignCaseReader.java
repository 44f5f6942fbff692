package dev.groupscope.cli;

import dev.groupscope.scenario.json.DidYouMean;
import dev.groupscope.scenario.json.JsonPaths;
import dev.groupscope.scenario.json.EnglishText;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.groupscope.kafka.TopicPartition;
import dev.groupscope.kafka.assignor.Assignors;
import dev.groupscope.kafka.assignor.GroupMember;
import dev.groupscope.kafka.config.GroupInstanceIds;
import dev.groupscope.kafka.config.SettingProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the JSON of {@code groupscope assign} into cases, refusing what no Kafka group could send (naming the file,
 * the case and the JSON path) and keeping what Kafka accepts: a subscription to a topic without metadata gets nothing
 * from it, an owned partition of a vanished topic is left for the assignor to drop. An owned partition numbered
 * beyond its topic's count is dropped here, with a note, so no assignor can hand out a partition that does not exist.
 */
final class AssignCaseReader {

    private static final List<String> CASE_KEYS = List.of("strategy", "topics", "members");
    private static final List<String> MEMBER_KEYS = List.of("id", "instanceId", "topics", "owned", "generation");

    /** The cases, whether the input was an array of them, and the notes for standard error. */
    record Cases(List<AssignCase> cases, boolean array, List<String> notes) {
    }

    private final String file;
    private final List<String> notes = new ArrayList<>();
    private int caseIndex;

    private AssignCaseReader(String file) {
        this.file = file;
    }

    static Cases read(String file, JsonElement root) {
        AssignCaseReader reader = new AssignCaseReader(file);
        List<AssignCase> cases = new ArrayList<>();
        if (root.isJsonArray()) {
            JsonArray array = root.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                reader.caseIndex = i;
                cases.add(reader.readCase(array.get(i), JsonPaths.index("$", i)));
            }
            return new Cases(cases, true, reader.notes);
        }
        if (!root.isJsonObject()) {
            throw new BadInputException(EnglishText.format("cli.error.topLevel", "file", file,
                    "got", JsonPaths.describe(root)));
        }
        cases.add(reader.readCase(root, "$"));
        return new Cases(cases, false, reader.notes);
    }

    private AssignCase readCase(JsonElement element, String path) {
        JsonObject object = requireObject(element, path);
        checkKeys(object, CASE_KEYS, path);
        String strategy = readStrategy(object, path);
        Map<String, Integer> topics = readTopics(object, path);
        List<GroupMember> members = readMembers(object, path, topics);
        return new AssignCase(strategy, topics, members);
    }

    private String readStrategy(JsonObject object, String path) {
        String keyPath = JsonPaths.key(path, "strategy");
        String name = requireString(required(object, "strategy", path), keyPath);
        if (Assignors.byName(name).isEmpty()) {
            throw fail(keyPath, "cli.assign.unknownStrategy", "name", name,
                    "hint", DidYouMean.hint(name, Assignors.names()), "known", String.join(", ", Assignors.names()));
        }
        return name;
    }

    private Map<String, Integer> readTopics(JsonObject object, String path) {
        String topicsPath = JsonPaths.key(path, "topics");
        JsonObject topics = requireObject(required(object, "topics", path), topicsPath);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> topic : topics.entrySet()) {
            String topicPath = JsonPaths.key(topicsPath, topic.getKey());
            if (topic.getKey().isEmpty()) {
                throw fail(topicPath, "cli.assign.emptyTopicName");
            }
            counts.put(topic.getKey(), partitionCount(topic.getKey(), topic.getValue(), topicPath));
        }
        return counts;
    }

    private int partitionCount(String topic, JsonElement value, String path) {
        Optional<BigDecimal> number = wholeNumber(value);
        if (number.isEmpty() || number.get().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw fail(path, "cli.assign.partitionCountNotNumber", "topic", topic, "got", JsonPaths.describe(value));
        }
        if (number.get().signum() <= 0) {
            throw fail(path, "cli.assign.partitionCountTooLow", "topic", topic, "count", number.get().toPlainString());
        }
        return number.get().intValueExact();
    }

    private List<GroupMember> readMembers(JsonObject object, String path, Map<String, Integer> topics) {
        String membersPath = JsonPaths.key(path, "members");
        JsonArray array = requireArray(required(object, "members", path), membersPath);
        if (array.isEmpty()) {
            throw fail(membersPath, "cli.assign.noMembers");
        }
        MemberReader reader = new MemberReader(topics);
        List<GroupMember> members = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            members.add(reader.read(array.get(i), JsonPaths.index(membersPath, i)));
        }
        return members;
    }

    /** Reads the members of one case, remembering ids and instance ids so duplicates can name both places. */
    private final class MemberReader {
        private final Map<String, Integer> topics;
        private final Map<String, String> idPaths = new HashMap<>();
        private final Map<String, String> instanceIdPaths = new HashMap<>();
        private final Set<String> topicsNoted = new HashSet<>();

        MemberReader(Map<String, Integer> topics) {
            this.topics = topics;
        }

        GroupMember read(JsonElement element, String path) {
            JsonObject member = requireObject(element, path);
            checkKeys(member, MEMBER_KEYS, path);
            String id = readId(member, path);
            Optional<String> instanceId = readInstanceId(member, path);
            List<String> subscription = readSubscription(member, path);
            List<TopicPartition> owned = readOwned(member, path);
            int generation = readGeneration(member, path);
            return new GroupMember(id, instanceId, subscription, owned, generation);
        }

        private String readId(JsonObject member, String path) {
            if (!member.has("id")) {
                throw fail(path, "cli.assign.memberWithoutId");
            }
            String idPath = JsonPaths.key(path, "id");
            String id = requireString(member.get("id"), idPath);
            if (id.isEmpty()) {
                throw fail(idPath, "cli.assign.emptyMemberId");
            }
            String earlier = idPaths.putIfAbsent(id, idPath);
            if (earlier != null) {
                throw fail(idPath, "cli.assign.duplicateMemberId", "id", id, "other", earlier);
            }
            return id;
        }

        /** A static member's id is its group.instance.id, so Kafka's rules for that setting apply. */
        private Optional<String> readInstanceId(JsonObject member, String path) {
            JsonElement value = member.get("instanceId");
            if (value == null || value.isJsonNull()) {
                return Optional.empty();
            }
            String instancePath = JsonPaths.key(path, "instanceId");
            String instanceId = requireString(value, instancePath);
            Optional<SettingProblem> problem = GroupInstanceIds.check("group.instance.id", instanceId);
            if (problem.isPresent()) {
                throw fail(instancePath, "cli.assign.badInstanceId", "reason", problem.get().kafkaMessage());
            }
            String earlier = instanceIdPaths.putIfAbsent(instanceId, instancePath);
            if (earlier != null) {
                throw fail(instancePath, "cli.assign.duplicateInstanceId", "id", instanceId, "other", earlier);
            }
            return Optional.of(instanceId);
        }

        /** A consumer subscribes to a set of topics: a name listed twice counts once. */
        private List<String> readSubscription(JsonObject member, String path) {
            String topicsPath = JsonPaths.key(path, "topics");
            JsonArray array = requireArray(required(member, "topics", path), topicsPath);
            Set<String> subscription = new LinkedHashSet<>();
            for (int i = 0; i < array.size(); i++) {
                String itemPath = JsonPaths.index(topicsPath, i);
                String topic = requireString(array.get(i), itemPath);
                if (topic.isEmpty()) {
                    throw fail(itemPath, "cli.assign.emptyTopicName");
                }
                if (!topics.containsKey(topic) && topicsNoted.add(topic)) {
                    note(itemPath, "cli.assign.note.noMetadata", "topic", topic);
                }
                subscription.add(topic);
            }
            return List.copyOf(subscription);
        }

        private List<TopicPartition> readOwned(JsonObject member, String path) {
            JsonElement value = member.get("owned");
            if (value == null || value.isJsonNull()) {
                return List.of();
            }
            String ownedPath = JsonPaths.key(path, "owned");
            JsonArray array = requireArray(value, ownedPath);
            List<TopicPartition> owned = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String itemPath = JsonPaths.index(ownedPath, i);
                TopicPartition partition = parsePartition(requireString(array.get(i), itemPath), itemPath);
                if (keep(partition, itemPath)) {
                    owned.add(partition);
                }
            }
            return owned;
        }

        /** Kafka cannot shrink a topic, so a partition beyond the count is a leftover of a deleted topic. */
        private boolean keep(TopicPartition partition, String path) {
            Integer count = topics.get(partition.topic());
            if (count == null) {
                note(path, "cli.assign.note.ownedWithoutMetadata", "partition", partition, "topic", partition.topic());
                return true;
            }
            if (partition.partition() >= count) {
                note(path, "cli.assign.note.ownedBeyondCount", "partition", partition, "topic", partition.topic(),
                        "count", count);
                return false;
            }
            return true;
        }

        private int readGeneration(JsonObject member, String path) {
            JsonElement value = member.get("generation");
            if (value == null || value.isJsonNull()) {
                return GroupMember.NO_GENERATION;
            }
            String generationPath = JsonPaths.key(path, "generation");
            Optional<BigDecimal> number = wholeNumber(value);
            boolean fits = number.isPresent()
                    && number.get().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                    && number.get().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
            if (!fits) {
                throw fail(generationPath, "cli.assign.badGeneration", "got", JsonPaths.describe(value));
            }
            return number.get().intValueExact();
        }
    }

    private TopicPartition parsePartition(String text, String path) {
        try {
            return TopicPartition.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(path, "cli.assign.badOwned", "text", text);
        }
    }

    private void checkKeys(JsonObject object, List<String> known, String path) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw fail(JsonPaths.key(path, key), "cli.assign.unknownKey", "key", key,
                        "hint", DidYouMean.hint(key, known), "known", String.join(", ", known));
            }
        }
    }

    private JsonElement required(JsonObject object, String key, String path) {
        JsonElement value = object.get(key);
        if (value == null) {
            throw fail(path, "cli.assign.missingKey", "key", key);
        }
        return value;
    }

    private JsonObject requireObject(JsonElement value, String path) {
        if (!value.isJsonObject()) {
            throw fail(path, "cli.assign.notAnObject", "got", JsonPaths.describe(value));
        }
        return value.getAsJsonObject();
    }

    private JsonArray requireArray(JsonElement value, String path) {
        if (!value.isJsonArray()) {
            throw fail(path, "cli.assign.notAnArray", "got", JsonPaths.describe(value));
        }
        return value.getAsJsonArray();
    }

    private String requireString(JsonElement value, String path) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw fail(path, "cli.assign.notAString", "got", JsonPaths.describe(value));
        }
        return value.getAsString();
    }

    private static Optional<BigDecimal> wholeNumber(JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return Optional.empty();
        }
        BigDecimal number = value.getAsBigDecimal();
        return number.stripTrailingZeros().scale() <= 0 ? Optional.of(number) : Optional.empty();
    }

    private BadInputException fail(String path, String key, Object... args) {
        String problem = EnglishText.format(key, args);
        return new BadInputException(EnglishText.format("cli.error.inCase", "file", file, "case", caseIndex,
                "path", path, "problem", problem));
    }

    private void note(String path, String key, Object... args) {
        String note = EnglishText.format(key, args);
        notes.add(EnglishText.format("cli.note.inCase", "file", file, "case", caseIndex, "path", path, "note", note));
    }
}
