package dev.groupscope.ui;

import dev.groupscope.i18n.Messages;
import dev.groupscope.kafka.config.ConsumerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Click or right-click on what the playground draws to act on it: a consumer (close, crash, stall, restart; cut it
 * off, fail or delay its commits, slow a worker, crash or restart its process; its settings sheet), a broker (stop,
 * restart), a partition's topic (add partitions, delete it) or the cluster (create a topic). Entities are found
 * by the stable ids the playground gives its nodes ({@code consumer-C1}, {@code broker-2},
 * {@code partition-orders-0}); every entry is a {@link ModelCommand} for the one command path, offered only where
 * {@link CommandChecks} says it applies to the state shown.
 */
public final class EntityMenus {

    private final Parent root;
    private final PlaygroundViewModel viewModel;
    private final Messages messages;
    private final ContextMenu menu = new ContextMenu();

    private EntityMenus(Parent root, PlaygroundViewModel viewModel, Messages messages) {
        this.root = root;
        this.viewModel = viewModel;
        this.messages = messages;
        menu.setId("entity-menu");
    }

    public static EntityMenus install(Parent playgroundRoot, PlaygroundViewModel viewModel, Messages messages) {
        EntityMenus menus = new EntityMenus(playgroundRoot, viewModel, messages);
        playgroundRoot.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            if (menus.open(event.getPickResult().getIntersectedNode(), event.getScreenX(), event.getScreenY())) {
                event.consume();
            }
        });
        playgroundRoot.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            Node target = event.getPickResult().getIntersectedNode();
            // A right click opens the menu too where the platform sends no context-menu event (headless Monocle).
            boolean secondary = event.getButton() == MouseButton.SECONDARY && !menus.menu.isShowing();
            if ((secondary || event.getButton() == MouseButton.PRIMARY) && !onControl(target)
                    && menus.open(target, event.getScreenX(), event.getScreenY())) {
                event.consume();
            }
        });
        return menus;
    }

    /** Whether a click landed on a button, slider, scroll bar or field: those do their own thing. */
    private static boolean onControl(Node target) {
        for (Node node = target; node != null; node = node.getParent()) {
            if (node instanceof ButtonBase || node instanceof ScrollBar || node instanceof javafx.scene.control.Slider
                    || node instanceof javafx.scene.control.TextInputControl
                    || node instanceof javafx.scene.control.ComboBoxBase) {
                return true;
            }
        }
        return false;
    }

    /** Opens the menu of the entity under {@code target}; false when there is none. */
    boolean open(Node target, double screenX, double screenY) {
        List<MenuItem> items = itemsFor(target);
        if (items.isEmpty()) {
            return false;
        }
        menu.hide();
        menu.getItems().setAll(items);
        menu.show(root, screenX, screenY);
        return true;
    }

    /** The menu items for the entity under {@code target}, or none. */
    List<MenuItem> itemsFor(Node target) {
        PlaygroundFrame frame = viewModel.getFrame();
        if (frame == null) {
            return List.of();
        }
        for (Node node = target; node != null; node = node.getParent()) {
            String id = node.getId();
            if (id == null) {
                if (node.getStyleClass().contains("cluster-panel")) {
                    return List.of(createTopicItem(frame));
                }
                continue;
            }
            if (id.startsWith("consumer-")) {
                Optional<PlaygroundFrame.ConsumerRow> consumer = frame.consumer(id.substring("consumer-".length()));
                if (consumer.isPresent()) {
                    return consumerItems(frame, consumer.get());
                }
            } else if (id.startsWith("broker-")) {
                Optional<PlaygroundFrame.BrokerRow> broker = frame.brokers().stream()
                        .filter(b -> id.equals("broker-" + b.id())).findFirst();
                if (broker.isPresent()) {
                    return offers(CommandChecks.forBroker(broker.get()));
                }
            } else if (id.startsWith("partition-")) {
                Optional<PlaygroundFrame.PartitionRow> partition = frame.partitions().stream()
                        .filter(p -> id.equals("partition-" + p.name())).findFirst();
                if (partition.isPresent()) {
                    String topic = partition.get().topic();
                    List<MenuItem> items = new ArrayList<>(List.of(addPartitionsItem(frame, topic)));
                    items.addAll(offers(List.of(FaultOffers.deleteTopic(topic, viewModel.scenarioConsumers()))));
                    items.add(new SeparatorMenuItem());
                    items.add(createTopicItem(frame));
                    return items;
                }
            }
        }
        return List.of();
    }

    /** Close, crash, stall, restart; then the client faults; then the settings sheet; then add one more consumer. */
    private List<MenuItem> consumerItems(PlaygroundFrame frame, PlaygroundFrame.ConsumerRow consumer) {
        String id = consumer.clientId();
        Optional<FrameDetails.ConsumerDetail> detail = frame.details().consumer(id);
        // The settings it runs with at t: a live change (the settings sheet) may have changed max.poll.interval.ms.
        Map<String, Object> settings = detail.map(d -> d.settings().originals())
                .orElse(viewModel.consumerSettings(id));
        List<MenuItem> items = new ArrayList<>(offers(CommandChecks.forConsumer(consumer, settings)));
        items.add(new SeparatorMenuItem());
        int sessionTimeoutMs = detail.map(d -> d.settings().sessionTimeoutMs())
                .orElse(ConsumerSettings.defaults().sessionTimeoutMs());
        items.addAll(offers(FaultOffers.forConsumer(frame, consumer, sessionTimeoutMs,
                viewModel.scenarioConsumers())));
        items.add(new SeparatorMenuItem());
        items.add(settingsItem(id, detail));
        // Issue 5: right-click to add a consumer. The same command as the Add consumer button: one more consumer
        // joins this group, built like its first subscribing consumer.
        items.add(new SeparatorMenuItem());
        items.addAll(offers(List.of(new CommandChecks.Offer(ModelCommand.FileAction.addConsumer(viewModel.getGroup(),
                viewModel.scenarioConsumers()), true))));
        return items;
    }

    private MenuItem settingsItem(String consumer, Optional<FrameDetails.ConsumerDetail> detail) {
        MenuItem item = new MenuItem(messages.text("ui.menu.settings"));
        item.setId("menu-settings-" + consumer);
        item.setDisable(detail.isEmpty());
        detail.ifPresent(d -> item.setOnAction(event -> openSettings(settingsSheet(d))));
        return item;
    }

    /** The settings sheet's view model for a consumer as the frame shows it. */
    ConsumerSettingsViewModel settingsSheet(FrameDetails.ConsumerDetail detail) {
        boolean workerPool = viewModel.scenarioConsumers().stream()
                .anyMatch(c -> c.id().equals(detail.clientId()) && c.workers().isPresent());
        return new ConsumerSettingsViewModel(detail.clientId(), detail.settings(), detail.commitPolicy(),
                viewModel.brokerSettings(), workerPool);
    }

    void openSettings(ConsumerSettingsViewModel sheet) {
        ConsumerSettingsSheet.dialog(sheet, messages, window()).showAndWait().ifPresent(viewModel::perform);
    }

    private List<MenuItem> offers(List<CommandChecks.Offer> offers) {
        return offers.stream().map(offer -> {
            MenuItem item = new MenuItem(messages.format(offer.command().messageKey(), offer.command().args()));
            // Labels hold names with underscores (COORDINATOR_LOAD_IN_PROGRESS, topic names): not mnemonics.
            item.setMnemonicParsing(false);
            item.setId("menu-" + idOf(offer.command()));
            item.setDisable(!offer.enabled());
            item.setOnAction(event -> viewModel.perform(offer.command()));
            return item;
        }).toList();
    }

    /** A stable id per command kind and target, e.g. {@code crash-C2}, {@code stall-C1-10000}, {@code stop-broker-1}. */
    static String idOf(ModelCommand command) {
        String kind = command.messageKey().substring("ui.command.".length());
        return kind + "-" + String.join("-", command.args().values().stream().map(String::valueOf).toList());
    }

    private MenuItem addPartitionsItem(PlaygroundFrame frame, String topic) {
        MenuItem item = new MenuItem(messages.format("ui.menu.addPartitions", Map.of("topic", topic)));
        item.setId("menu-addPartitions-" + topic);
        item.setOnAction(event -> TopicDialogs.addPartitions(messages, topic, CommandChecks.partitionCount(frame, topic),
                window()).showAndWait().ifPresent(viewModel::perform));
        return item;
    }

    private MenuItem createTopicItem(PlaygroundFrame frame) {
        MenuItem item = new MenuItem(messages.text("ui.menu.createTopic"));
        item.setId("menu-createTopic");
        item.setOnAction(event -> openCreateTopic(frame));
        return item;
    }

    void openCreateTopic(PlaygroundFrame frame) {
        int replicationFactor = Math.min(3, frame.brokers().size());
        TopicDialogs.createTopic(messages, CommandChecks.topics(frame), replicationFactor, window()).showAndWait()
                .ifPresent(viewModel::perform);
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
