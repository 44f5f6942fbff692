package dev.groupscope.ui;

import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Dialogs that belong to a window: shown over it, in its theme and at its text size (a projector's dialog too). */
final class OwnedDialogs {

    private OwnedDialogs() {
    }

    /** Makes {@code owner} the dialog's owner and gives the dialog the owner's stylesheets and text size. */
    static <T extends Dialog<?>> T ownedBy(T dialog, Window owner) {
        if (owner == null) {
            return dialog;
        }
        dialog.initOwner(owner);
        if (owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getRoot().getStylesheets());
            dialog.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        return dialog;
    }
}
