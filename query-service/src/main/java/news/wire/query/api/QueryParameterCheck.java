package news.wire.query.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a GET whose query names a parameter its endpoint does not declare ({@code publishedFrom=} for
 * {@code from=}), with a 400 naming it and the ones the endpoint takes. Without it JAX-RS ignores the stranger and
 * the search answers as if unfiltered. The names come from the endpoint's own {@code @QueryParam}s (directly or in
 * a {@code @BeanParam}), so a parameter added to an endpoint is accepted with no list to keep.
 */
public class QueryParameterCheck {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    /** After the key check, so a caller without a key learns that first. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !HttpMethod.GET.equals(request.getMethod())) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, QueryParameterCheck::namesOf);
        List<String> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownParameterException(unknown, known);
        }
    }

    static Set<String> namesOf(Method method) {
        Set<String> names = new TreeSet<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                } else if (annotation instanceof BeanParam) {
                    names.addAll(beanNames(types[i]));
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static Set<String> beanNames(Class<?> bean) {
        Set<String> names = new TreeSet<>();
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                if (query != null) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}
