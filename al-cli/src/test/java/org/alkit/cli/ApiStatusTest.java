package org.alkit.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.apiguardian.api.API.Status.DEPRECATED;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.MAINTAINED;
import static org.apiguardian.api.API.Status.STABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.apiguardian.api.API.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Honest API statuses in every alkit module: nothing promises more than the alkit types it
 * mentions. A public or protected method, constructor or field (a record's accessors and canonical
 * constructor included) of a type with an {@link API} status has the status of its own annotation,
 * or else its type's; every alkit type its signature mentions (return, parameters, thrown
 * exceptions, type parameters, generic arguments, array components) must have at least that
 * status, and so must the supertypes of the type itself. So a STABLE type may offer a member that
 * returns or takes an EXPERIMENTAL type only when that member is annotated EXPERIMENTAL itself (as
 * the training capability's methods on STABLE types are). Statuses rank, weakest first, INTERNAL,
 * DEPRECATED, EXPERIMENTAL, MAINTAINED, STABLE; a nested type without an annotation has its
 * enclosing type's status; an alkit type with none at all makes no promise and counts as INTERNAL.
 * A member is also never more stable than its own type.
 */
class ApiStatusTest {
  /** apiguardian's statuses, weakest promise first. */
  private static final List<Status> RANK = List.of(INTERNAL, DEPRECATED, EXPERIMENTAL, MAINTAINED, STABLE);

  static final ArchRule RULE = classes()
      .should(new ArchCondition<JavaClass>("promise no more than the alkit types their signatures mention") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
          Optional<Status> own = status(type);
          if (own.isEmpty() || !visible(type.getModifiers())) {
            return;
          }
          Set<JavaClass> supertypes = new LinkedHashSet<>();
          type.getSuperclass().ifPresent(s -> supertypes.addAll(s.getAllInvolvedRawTypes()));
          type.getInterfaces().forEach(i -> supertypes.addAll(i.getAllInvolvedRawTypes()));
          type.getTypeParameters().forEach(p -> supertypes.addAll(p.getAllInvolvedRawTypes()));
          supertypes.remove(type);
          checkMentions(type, "type " + type.getName(), own.get(), supertypes, events);
          for (JavaMember member : type.getMembers()) {
            if (!visible(member.getModifiers()) || member.getModifiers().contains(JavaModifier.SYNTHETIC)) {
              continue;
            }
            Status promised = annotated(member).orElse(own.get());
            if (RANK.indexOf(promised) > RANK.indexOf(own.get())) {
              events.add(SimpleConditionEvent.violated(type, member.getFullName() + " is " + promised
                  + " but its type is " + own.get()));
            }
            checkMentions(type, member.getFullName(), promised, mentioned(member), events);
          }
        }
      })
      .because("a STABLE (or MAINTAINED) promise cannot rest on a type that may still change; annotate"
          + " the member with the weaker status, or raise the mentioned type's");

  private static void checkMentions(JavaClass type, String what, Status promised, Set<JavaClass> mentioned,
      ConditionEvents events) {
    for (JavaClass m : mentioned) {
      JavaClass base = m.isArray() ? m.getBaseComponentType() : m;
      if (!base.getPackageName().startsWith("org.alkit.") || base.equals(type)) {
        continue;
      }
      Optional<Status> status = status(base);
      if (RANK.indexOf(status.orElse(INTERNAL)) < RANK.indexOf(promised)) {
        events.add(SimpleConditionEvent.violated(type, what + " is " + promised + " but mentions "
            + base.getName() + ", which is " + status.map(Status::name).orElse("not annotated with @API")));
      }
    }
  }

  /** Every type a member's signature mentions. */
  private static Set<JavaClass> mentioned(JavaMember member) {
    Set<JavaClass> out = new LinkedHashSet<>();
    if (member instanceof JavaCodeUnit unit) {
      out.addAll(unit.getAllInvolvedRawTypes());
      out.addAll(unit.getExceptionTypes());
    } else if (member instanceof JavaField field) {
      out.addAll(field.getAllInvolvedRawTypes());
    }
    return out;
  }

  /** A type's own status, else its enclosing type's. */
  private static Optional<Status> status(JavaClass type) {
    Optional<Status> own = annotated(type);
    return own.isPresent() ? own : type.getEnclosingClass().flatMap(ApiStatusTest::status);
  }

  private static Optional<Status> annotated(HasAnnotations<?> element) {
    return element.tryGetAnnotationOfType(API.class).map(API::status);
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  @Test
  void everyAlkitModuleKeepsItsPromises() {
    RULE.check(AlkitClasses.main());
  }

  // ------------------------------------------------------------------ the rule on small examples

  @API(status = EXPERIMENTAL, since = "0")
  public static final class Young {}

  @API(status = EXPERIMENTAL, since = "0")
  public static final class YoungException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @API(status = INTERNAL, since = "0")
  public static final class Hidden {}

  /** Mentioned by a STABLE member, but makes no promise at all. */
  public static final class Unmarked {}

  @API(status = STABLE, since = "0")
  public interface ReturnsYoung {
    Young young();
  }

  @API(status = STABLE, since = "0")
  public interface TakesAListOfYoung {
    void take(List<? extends Young> young);
  }

  @API(status = STABLE, since = "0")
  public static final class MadeFromYoung {
    public MadeFromYoung(Young young) {}
  }

  @API(status = STABLE, since = "0")
  public static final class HoldsYoung {
    public static final Optional<Young> NONE = Optional.empty();
  }

  @API(status = STABLE, since = "0")
  public record RecordOfYoung(Map<String, Young> byName) {}

  @API(status = STABLE, since = "0")
  public interface SuppliesYoung extends Supplier<Young> {}

  @API(status = STABLE, since = "0")
  public interface ThrowsYoung {
    void run() throws YoungException;
  }

  @API(status = STABLE, since = "0")
  public interface BoundedByYoung {
    <T extends Young> T pick();
  }

  @API(status = STABLE, since = "0")
  public interface ReturnsUnmarked {
    Unmarked unmarked();
  }

  @API(status = STABLE, since = "0")
  public interface ExperimentalMemberReturnsHidden {
    @API(status = EXPERIMENTAL, since = "0")
    Hidden hidden();
  }

  @API(status = EXPERIMENTAL, since = "0")
  public interface StableMemberOfAYoungType {
    @API(status = STABLE, since = "0")
    String name();
  }

  @API(status = STABLE, since = "0")
  public interface MarksItsYoungMembers {
    String name();

    @API(status = EXPERIMENTAL, since = "0")
    Young young();

    @API(status = EXPERIMENTAL, since = "0")
    default Optional<Young> maybe() {
      return Optional.empty();
    }
  }

  @API(status = STABLE, since = "0")
  public static final class KeepsYoungToItself {
    private Young young;

    Young packaged() {
      return young;
    }
  }

  @API(status = EXPERIMENTAL, since = "0")
  public interface YoungAmongYoung {
    Young young();

    Optional<YoungException> failure();
  }

  @ParameterizedTest
  @ValueSource(classes = {ReturnsYoung.class, TakesAListOfYoung.class, MadeFromYoung.class, HoldsYoung.class,
      RecordOfYoung.class, SuppliesYoung.class, ThrowsYoung.class, BoundedByYoung.class, ReturnsUnmarked.class,
      StableMemberOfAYoungType.class})
  void flagsAStableMemberOrTypeThatRestsOnAWeakerOne(Class<?> offender) {
    assertThatThrownBy(() -> RULE.check(examples(offender, MarksItsYoungMembers.class, KeepsYoungToItself.class,
        YoungAmongYoung.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(offender.getSimpleName())
        .hasMessageMatching("(?s).*ApiStatusTest\\$" + offender.getSimpleName()
            + "\\S* is STABLE but (mentions \\S+\\$(Young|YoungException|Unmarked), which is"
            + " (EXPERIMENTAL|not annotated with @API)|its type is EXPERIMENTAL).*")
        .satisfies(e -> assertThat(e.getMessage())
            .doesNotContain("MarksItsYoungMembers", "KeepsYoungToItself", "YoungAmongYoung"));
  }

  @Test
  void flagsAnExperimentalMemberThatMentionsAnInternalType() {
    assertThatThrownBy(() -> RULE.check(examples(ExperimentalMemberReturnsHidden.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("hidden() is EXPERIMENTAL but mentions")
        .hasMessageContaining("$Hidden, which is INTERNAL");
  }

  @Test
  void letsMembersMarkedWithTheWeakerStatusAndHiddenMembersPass() {
    assertThatCode(() -> RULE.check(examples(MarksItsYoungMembers.class, KeepsYoungToItself.class,
        YoungAmongYoung.class))).doesNotThrowAnyException();
  }

  /** The given classes with the types they mention, as an import of the whole code base has them. */
  private static JavaClasses examples(Class<?>... classes) {
    List<Class<?>> all = new ArrayList<>(List.of(classes));
    all.addAll(List.of(Young.class, YoungException.class, Hidden.class, Unmarked.class));
    return new ClassFileImporter().importClasses(all);
  }
}
