package com.example.movies;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.servlet.ServletResponse;

import org.springframework.security.config.annotation.web.AbstractRequestMatcherRegistry;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.example.movies.web.request.DrfBody;
import com.example.movies.web.request.RequestData;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout's rules (package-info.java says what each package is for). A change
 * that breaks one fails the build with the offending dependency named.
 */
@AnalyzeClasses(packagesOf = MoviesApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = { "..auth..", "..movie..", "..user..", "..staff..", "..signup..",
            "..password.." };

    private static final String[] SHARED = { "..web..", "..server..", "..ui..", "..docs..", "..database..", "..time..",
            "..mail..", "..problem.." };

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("com.example.movies.(**)")
        .should()
        .beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedPackagesKnowNoFeature = noClasses().that()
        .resideInAnyPackage(SHARED)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES);

    /** A feature's data access is its own: another feature goes through its service. */
    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInTheirFeature = classes().that()
        .haveSimpleNameEndingWith("Repository")
        .should(beUsedOnlyInTheirOwnPackage());

    @ArchTest
    static final ArchRule servicesKnowNoWebRequests = noClasses().that()
        .areAnnotatedWith(Service.class)
        .or()
        .haveSimpleNameEndingWith("Repository")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..web.request..", "jakarta.servlet..", "org.springframework.web..");

    /**
     * Services say what went wrong in the domain's words (com.example.movies.problem);
     * web.error alone decides the answer.
     */
    @ArchTest
    static final ArchRule servicesThrowDomainExceptions = noClasses().that()
        .areAnnotatedWith(Service.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..web.error..", "org.springframework.http..");

    /**
     * A request body is a record with constraints; how it is read is web.request's
     * business.
     */
    @ArchTest
    static final ArchRule requestBodiesDoNotKnowHowTheyAreRead = noClasses().that(areDrfBodies())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..web.request..");

    /** A controller takes its body as one typed {@code @DrfBody} argument. */
    @ArchTest
    static final ArchRule controllersTakeTypedBodies = methods().that()
        .areDeclaredInClassesThat()
        .areAnnotatedWith(RestController.class)
        .should(takeNoUntypedBody());

    /**
     * Who may call an operation is written beside it ({@code @PreAuthorize}): the
     * security configuration matches no paths.
     */
    @ArchTest
    static final ArchRule securityMatchesNoPaths = noClasses().should()
        .callMethodWhere(DescribedPredicate.describe("a request matcher registry's requestMatchers(...)",
                (call) -> call.getTargetOwner().isAssignableTo(AbstractRequestMatcherRegistry.class)
                        && call.getName().equals("requestMatchers")));

    @ArchTest
    static final ArchRule errorBodiesAreWrittenOnlyInWebError = noClasses().that()
        .resideOutsideOfPackage("..web.error..")
        .should()
        .callMethodWhere(writesAResponseBody())
        .orShould()
        .beAnnotatedWith(RestControllerAdvice.class);

    @ArchTest
    static final ArchRule exceptionsAreHandledOnlyInWebError = noMethods().that()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage("..web.error..")
        .should()
        .beAnnotatedWith(ExceptionHandler.class);

    private static DescribedPredicate<JavaCall<?>> writesAResponseBody() {
        return DescribedPredicate.describe("a response's getOutputStream() or getWriter()",
                (call) -> call.getTargetOwner().isAssignableTo(ServletResponse.class)
                        && (call.getName().equals("getOutputStream") || call.getName().equals("getWriter")));
    }

    private static DescribedPredicate<JavaClass> areDrfBodies() {
        return DescribedPredicate.describe("are @DrfBody arguments", (type) -> type.getMethodsWithParameterTypeOfSelf()
            .stream()
            .flatMap((method) -> method.getParameters().stream())
            .anyMatch((parameter) -> parameter.getRawType().equals(type) && parameter.isAnnotatedWith(DrfBody.class)));
    }

    private static ArchCondition<JavaMethod> takeNoUntypedBody() {
        return new ArchCondition<>("take no RequestData or @RequestBody argument") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    if (parameter.getRawType().isEquivalentTo(RequestData.class)
                            || parameter.isAnnotatedWith(RequestBody.class)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " takes an untyped body: use @DrfBody with a record"));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency dependency : type.getDirectDependenciesToSelf()) {
                    if (!dependency.getOriginClass().getPackageName().equals(type.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

}
