package cn.county.platform.demo;

import java.util.List;

/** A town of the demo county with its villages in code order. */
public record DemoTown(String code, String name, List<DemoVillage> villages) {

}
