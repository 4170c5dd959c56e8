package com.example.movies.web.request;

import com.example.movies.problem.FieldErrors;

/**
 * DRF's LimitOffsetPagination of a list: {@code limit} and {@code offset} read like its
 * IntegerFields, and the number of matching items answered in {@link #TOTAL_COUNT}.
 *
 * @param limit at most this many, {@code null} for all
 * @param offset how many to skip
 */
public record LimitOffset(Integer limit, int offset) {

    /**
     * The header of a list's answer with the number of items that match, before limit and
     * offset.
     */
    public static final String TOTAL_COUNT = "X-Total-Count";

    /**
     * @return the page, or {@code null} when a parameter is not a valid one (an error is
     * then recorded)
     */
    public static LimitOffset read(String limit, String offset, FieldErrors errors) {
        Integer limitValue = RequestData.queryInteger("limit", limit, 0, errors);
        Integer offsetValue = RequestData.queryInteger("offset", offset, 0, errors);
        return new LimitOffset(limitValue, (offsetValue != null) ? offsetValue : 0);
    }

}
