package io.bramble.cluster.cib;

import io.bramble.common.config.ConfigException;
import java.util.Map;
import java.util.Optional;

/**
 * What a CIB says about itself rather than about resources: the attributes of {@code <cib>}
 * (the DC, the last change) and the cluster properties that only describe the cluster. The
 * scheduler reads none of it; status displays (crm_mon, pcs status) print it.
 *
 * @param clusterName the cluster-name property
 * @param stack the cluster-infrastructure property, corosync on a live cluster
 * @param dcVersion the dc-version property, the DC's Pacemaker version
 * @param dcNodeId the dc-uuid attribute, the node id of the designated controller
 * @param lastWritten the cib-last-written attribute, already in ctime's words
 * @param updateUser the user of the last change
 * @param updateClient the program of the last change
 * @param updateOrigin the node the last change was made on
 */
public record CibHeader(Optional<String> clusterName, Optional<String> stack,
        Optional<String> dcVersion, Optional<String> dcNodeId, Optional<String> lastWritten,
        Optional<String> updateUser, Optional<String> updateClient,
        Optional<String> updateOrigin) {

    /**
     * The header of {@code xml}, which {@link CibReader#read} has accepted.
     *
     * @throws ConfigException if the file is not XML
     */
    public static CibHeader read(String file, byte[] xml) {
        XmlElement cib;
        try {
            cib = XmlTreeParser.parse(xml);
        } catch (XmlTreeParser.XmlSyntaxException e) {
            // CibReader reports the syntax error with its line; this only keeps the contract.
            CibReader.read(file, xml);
            throw new IllegalStateException("CibReader accepted what is not XML", e);
        }
        CibProblems problems = new CibProblems(file);
        Map<String, String> properties = cib.child("configuration")
                .flatMap(c -> c.child("crm_config"))
                .<Map<String, String>>map(c -> NameValues.read(c, "cluster_property_set",
                        problems))
                .orElse(Map.of());
        return new CibHeader(
                Optional.ofNullable(properties.get("cluster-name")),
                Optional.ofNullable(properties.get("cluster-infrastructure")),
                Optional.ofNullable(properties.get("dc-version")),
                cib.attribute("dc-uuid"),
                cib.attribute("cib-last-written"),
                cib.attribute("update-user"),
                cib.attribute("update-client"),
                cib.attribute("update-origin"));
    }
}
