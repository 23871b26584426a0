package io.quayside.model;

/** The labels every container series carries, named as cAdvisor names them. */
public final class ContainerLabels {
    /** The container's id: the key that ties a series to its container. */
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String IMAGE = "image";
    public static final String NODE = "node";

    private ContainerLabels() {
    }
}
