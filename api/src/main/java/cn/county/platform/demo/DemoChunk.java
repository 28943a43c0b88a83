package cn.county.platform.demo;

import java.util.List;

/**
 * A slice of the demo data that is written and committed together: whole villages (never
 * half of one, so that a section can reason per village) and their households in code
 * order.
 */
public record DemoChunk(int index, List<DemoVillage> villages, List<DemoHousehold> households, boolean last) {

}
