package org.trainingplayground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MalformedQueryFilterTest {

    @Test
    void aStrayPercentSignIsEscapedAndGoodEscapesStay() {
        assertEquals("lr=%25zz&batch=16", MalformedQueryFilter.repaired("lr=%zz&batch=16"));
        assertEquals("a=%2Cb%25", MalformedQueryFilter.repaired("a=%2Cb%"));
        assertEquals(
                "layers=128-relu%2C64-relu",
                MalformedQueryFilter.repaired("layers=128-relu%2C64-relu"));
        assertEquals("x=%254", MalformedQueryFilter.repaired("x=%4"));
    }
}
