/**
 * Implementations of the rule helper functions, one small class per family. Rules never name these
 * classes: {@link dev.keycard.engine.Helpers} declares which static methods exist, under which rule
 * name, and the gate imports only those under internal names. Public only because MVEL's generated
 * accessors must be able to link to them; every method is pure and works on frozen data.
 */
package dev.keycard.engine.fn;
