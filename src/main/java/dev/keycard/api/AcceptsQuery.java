package dev.keycard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters a resource method reads; a method without it reads none. {@link
 * QueryParameters} refuses every other parameter with a 400.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsQuery {
  KnownQuery value();
}
