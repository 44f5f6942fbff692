package dev.groupscope.sim.engine;

/** A user or scenario action at a virtual time: add a consumer, crash one, stop a broker... */
public record ScriptedAction(long time, Task action) {
}
