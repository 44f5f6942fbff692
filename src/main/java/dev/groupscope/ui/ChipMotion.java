package dev.groupscope.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.TranslateTransition;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The consumers' partition chips, one node per partition kept from frame to frame, and their motion: when a
 * partition changes owner its chip flies from where it was (the old consumer's card, even one that has since
 * crashed) to its place in the new owner's card, so the class sees the rebalance move work rather than a list being
 * redrawn. This is the "FLIP" technique: remember where each chip was, let layout put it in its new place, then
 * start it at the old place with a translation and animate the translation to zero.
 *
 * <p>Positions are kept in the coordinates of the cards' container, so scrolling does not make chips jump.
 */
final class ChipMotion {

    static final Duration MOVE = Duration.millis(900);
    static final Duration APPEAR = Duration.millis(400);

    private final Region container;
    private final Map<String, Label> chips = new HashMap<>();
    /** Where each partition's chip was last drawn, and for whom: survives the chip leaving the scene. */
    private final Map<String, Point2D> lastPlace = new HashMap<>();
    private final Map<String, String> lastOwner = new HashMap<>();
    private final Map<String, TranslateTransition> moving = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final List<String> placed = new ArrayList<>();

    ChipMotion(Region container) {
        this.container = container;
    }

    /** Notes where every chip is now; call before the frame changes any card. */
    void beginFrame() {
        claimed.clear();
        placed.clear();
        chips.forEach((partition, chip) -> {
            if (chip.getScene() != null && chip.getParent() != null && isInContainer(chip)) {
                lastPlace.put(partition, place(chip, true));
            }
        });
    }

    /**
     * The chip for {@code partition} owned by {@code owner}: the partition's own node, or a plain copy when another
     * consumer already shows it in this frame (a consumer that has not yet learnt it was kicked out still lists it).
     */
    Label chip(String partition, String owner, int slot) {
        if (!claimed.add(partition)) {
            return newChip(partition, owner, slot);
        }
        Label chip = chips.computeIfAbsent(partition, p -> newChip(p, owner, slot));
        chip.setId(id(owner, partition));
        PlaygroundView.setOnly(chip, style -> style.startsWith("member-slot-"), PlaygroundView.slotClass(slot));
        chip.getProperties().put(ChipMotion.class, owner);
        placed.add(partition);
        return chip;
    }

    static String id(String owner, String partition) {
        return "owned-" + owner + "-" + partition;
    }

    private static Label newChip(String partition, String owner, int slot) {
        Label chip = new Label(partition);
        chip.setId(id(owner, partition));
        chip.getStyleClass().addAll("part-chip", PlaygroundView.slotClass(slot));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    /**
     * After the cards show the new frame: every chip that now has another owner than where it was last drawn
     * starts at its old place and moves to its new one; a chip seen for the first time fades in.
     */
    void endFrame() {
        List<String> moved = new ArrayList<>();
        List<String> appeared = new ArrayList<>();
        for (String partition : placed) {
            String owner = (String) chips.get(partition).getProperties().get(ChipMotion.class);
            String before = lastOwner.put(partition, owner);
            if (before != null && !before.equals(owner) && lastPlace.containsKey(partition)) {
                moved.add(partition);
            } else if (before == null) {
                appeared.add(partition);
            }
        }
        for (String partition : appeared) {
            FadeTransition fade = new FadeTransition(APPEAR, chips.get(partition));
            fade.setFromValue(0);
            fade.setToValue(1);
            fade.play();
        }
        if (moved.isEmpty() || container.getScene() == null) {
            return;
        }
        // Lay the cards out now, so the chips' new places are known in this pulse, before anything is drawn.
        container.applyCss();
        container.layout();
        for (String partition : moved) {
            Label chip = chips.get(partition);
            Point2D from = lastPlace.get(partition);
            Point2D to = place(chip, false);
            TranslateTransition running = moving.remove(partition);
            if (running != null) {
                running.stop();
            }
            Node card = card(chip);
            card.setViewOrder(-1);
            chip.setTranslateX(from.getX() - to.getX());
            chip.setTranslateY(from.getY() - to.getY());
            TranslateTransition move = new TranslateTransition(MOVE, chip);
            move.setToX(0);
            move.setToY(0);
            move.setInterpolator(Interpolator.EASE_BOTH);
            move.setOnFinished(event -> {
                moving.remove(partition);
                card.setViewOrder(0);
            });
            moving.put(partition, move);
            move.play();
        }
    }

    /**
     * Forgets who owned what and where: the next frame shows another group, whose members did not take the
     * partitions from the last group's, so its chips fade in where they are instead of flying over as in a rebalance.
     */
    void forget() {
        for (TranslateTransition move : List.copyOf(moving.values())) {
            move.stop();
            // What finishing does: the card it raised for the flight goes back to its place in the order.
            move.getOnFinished().handle(null);
        }
        moving.clear();
        chips.values().forEach(chip -> {
            chip.setTranslateX(0);
            chip.setTranslateY(0);
        });
        lastPlace.clear();
        lastOwner.clear();
    }

    /** Whether {@code partition}'s chip is flying to a new owner (for tests). */
    boolean isMoving(String partition) {
        return moving.containsKey(partition);
    }

    private boolean isInContainer(Node chip) {
        for (Node up = chip.getParent(); up != null; up = up.getParent()) {
            if (up == container) {
                return true;
            }
        }
        return false;
    }

    /** The card (direct child of the container) holding {@code chip}, which is raised above the others in flight. */
    private Node card(Node chip) {
        Node card = chip;
        while (card.getParent() != null && card.getParent() != container) {
            card = card.getParent();
        }
        return card;
    }

    /** Top-left of the chip in the container's coordinates, with or without its current flight offset. */
    private Point2D place(Label chip, boolean withTranslation) {
        Point2D scene = chip.localToScene(0, 0);
        Point2D local = container.sceneToLocal(scene);
        return withTranslation ? local : local.subtract(chip.getTranslateX(), chip.getTranslateY());
    }
}
