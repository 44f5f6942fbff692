package dev.groupscope.ui;

import dev.groupscope.kafka.CoordinatorStep;
import dev.groupscope.kafka.GroupCoordinatorPartitioning;
import java.util.List;
import java.util.OptionalInt;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The coordinator calculator: a group id typed by the learner, and the steps by which Kafka finds its coordinator
 * in the playground's cluster as it is at t. Every number and the leader come from the model
 * ({@link GroupCoordinatorPartitioning#steps}) applied to the frame's {@code __consumer_offsets} metadata; this
 * class only re-asks when the id or the frame changes.
 */
public final class CoordinatorCalculatorViewModel {

    private final PlaygroundViewModel playground;
    private final StringProperty groupId = new SimpleStringProperty(this, "groupId", "");
    private final ObjectBinding<List<CoordinatorStep>> steps;

    public CoordinatorCalculatorViewModel(PlaygroundViewModel playground) {
        this.playground = playground;
        this.steps = Computed.objectOf(this::compute, groupId, playground.frameProperty());
        // The group on screen is known before its first frame is computed (this is made with the window, often
        // before that frame): start from it, and the steps follow as soon as the frame arrives.
        groupId.set(playground.getGroup());
        // Choosing another group (Ctrl+G) carries the id along while it still names the group shown before;
        // an id the learner typed is theirs and stays.
        playground.groupProperty().addListener((observable, before, now) -> {
            if (java.util.Objects.equals(groupId.get(), before)) {
                groupId.set(now);
            }
        });
    }

    public StringProperty groupIdProperty() {
        return groupId;
    }

    /** The steps for the typed id; empty while the id is empty (Kafka refuses an empty group id). */
    public ObjectBinding<List<CoordinatorStep>> stepsProperty() {
        return steps;
    }

    /** The group the playground shows (chosen, even if its frame is still computing): an id the class has seen. */
    public void usePlaygroundGroup() {
        groupId.set(playground.getGroup());
    }

    /** The partition count the hash is taken modulo: the existing topic's, else offsets.topic.num.partitions. */
    public int partitionCount() {
        PlaygroundFrame frame = playground.getFrame();
        int existing = frame == null ? 0 : frame.details().offsetsPartitionCount();
        return existing > 0 ? existing : GroupCoordinatorPartitioning.DEFAULT_OFFSETS_TOPIC_PARTITIONS;
    }

    /** The broker the last step names as coordinator, if there is one. */
    public OptionalInt coordinator() {
        List<CoordinatorStep> shown = steps.get();
        if (shown.isEmpty() || !shown.get(shown.size() - 1).foundCoordinator()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((Integer) shown.get(shown.size() - 1).args().get("broker"));
    }

    public long time() {
        PlaygroundFrame frame = playground.getFrame();
        return frame == null ? playground.getTime() : frame.time();
    }

    public PlaygroundFrame frame() {
        return playground.getFrame();
    }

    /** The playground's frame: the cluster the calculator computes on, which moves on while the id stays. */
    public javafx.beans.property.ReadOnlyObjectProperty<PlaygroundFrame> frameProperty() {
        return playground.frameProperty();
    }

    private List<CoordinatorStep> compute() {
        PlaygroundFrame frame = playground.getFrame();
        String id = groupId.get();
        if (frame == null || id == null || id.isEmpty()) {
            return List.of();
        }
        return GroupCoordinatorPartitioning.steps(id, partitionCount(), frame.details().offsetsTopic());
    }
}
