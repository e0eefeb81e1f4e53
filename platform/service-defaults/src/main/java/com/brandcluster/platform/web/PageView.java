package com.brandcluster.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.data.domain.Page;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a paginated answer, with a stable JSON shape (Spring Data's {@code PageImpl} is not meant to be
 * serialised): the items, the page number (from 0), its size, and the totals. None of them is ever null.
 */
@NullMarked
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <S, T> PageView<T> of(Page<S> page, Function<? super S, ? extends T> mapper) {
        return new PageView<>(page.getContent().stream().<T>map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
