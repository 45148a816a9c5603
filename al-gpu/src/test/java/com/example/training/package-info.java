/**
 * Four small strategies written as a third party would write them, against al-api and DJL's API
 * alone (no al-gpu, no alkit internals; an ArchUnit rule in {@code TrainingPluginsTest} holds
 * them to it): proofs that the training capability of al-api carries the survey's methods that
 * take part in training. Forgetting events (Toneva et al., ICLR 2019) observe every epoch, CEAL
 * (Wang et al., IEEE TCSVT 2016) adds pseudo-labels, learning loss (Yoo and Kweon, CVPR 2019)
 * trains an auxiliary head, VAAL (Sinha et al., ICCV 2019) trains a VAE and a discriminator
 * through {@link org.alkit.api.NetworkTraining}. Lite versions: the issue after this one builds
 * the real methods.
 */
package com.example.training;
